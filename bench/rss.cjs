// Preloaded into each measured process: records its peak resident memory (kB) and the CPU time it
// used (ms, user + system) when it exits. CPU time is steadier than wall time on a shared machine.
const { appendFileSync } = require("node:fs");
process.on("exit", () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const { user, system } = process.cpuUsage();
  appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS} ${(user + system) / 1000}\n`);
});
