/**
 * npm run bench: the plugin's cost against plain Eleventy building the same Markdown.
 * Options: --sizes 1000,10000  --runs 5  --no-write (do not rewrite bench/RESULTS.md)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTROL_CONFIG, PLUGIN_CONFIG, generateSite } from "./generate.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SITES = join(ROOT, "bench", ".sites");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const SIZES = arg("sizes", "1000,10000").split(",").map(Number);
const RUNS = Number(arg("runs", "5"));
const ELEVENTY = join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Run a command: wall time (ms), CPU time (ms) and peak resident memory (kB) of the Node process. */
function measure(args: string[], cwd: string): { ms: number; cpuMs: number; rssKb: number } {
  const rssFile = join(SITES, "rss.txt");
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--require", join(ROOT, "bench", "rss.cjs"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, BENCH_RSS_FILE: rssFile, CI: "" },
  });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed in ${cwd}:\n${run.stderr}`);
  const [rss, cpu] = readFileSync(rssFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  return { ms, cpuMs: cpu!, rssKb: rss! };
}

console.log("compiling the plugin…");
execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: ROOT, stdio: "inherit" });
mkdirSync(SITES, { recursive: true });

interface SizeResult {
  n: number;
  plugin: { ms: number[]; cpu: number[]; rss: number[] };
  control: { ms: number[]; cpu: number[]; rss: number[] };
  check: number[];
  bare: number[];
}
const results: SizeResult[] = [];

for (const n of SIZES) {
  const pluginDir = join(SITES, `plugin-${n}`);
  const controlDir = join(SITES, `control-${n}`);
  console.log(`generating ${n} reprints…`);
  generateSite(ROOT, pluginDir, n, PLUGIN_CONFIG(join(ROOT, "dist", "index.js")));
  generateSite(ROOT, controlDir, n, CONTROL_CONFIG);
  writeFileSync(
    join(pluginDir, "syndication.config.json"),
    JSON.stringify({ input: "src", sources: { rferl: { name: "Radio Free Europe/Radio Liberty", url: "https://www.rferl.org/", licence: "permission" } } }),
  );
  const build = ["--input=src", "--quiet"];
  // Warm-up: file caches, and the plugin's first build writes its lock.
  measure([ELEVENTY, ...build], pluginDir);
  measure([ELEVENTY, ...build], controlDir);
  const result: SizeResult = { n, plugin: { ms: [], cpu: [], rss: [] }, control: { ms: [], cpu: [], rss: [] }, check: [], bare: [] };
  for (let r = 0; r < RUNS; r++) {
    // Alternate, so that a slow moment of the machine falls on both.
    for (const [which, dir] of r % 2 ? ([["control", controlDir], ["plugin", pluginDir]] as const) : ([["plugin", pluginDir], ["control", controlDir]] as const)) {
      const { ms, cpuMs, rssKb } = measure([ELEVENTY, ...build], dir);
      result[which].ms.push(ms);
      result[which].cpu.push(cpuMs);
      result[which].rss.push(rssKb);
    }
    result.check.push(measure([join(ROOT, "dist", "cli.js"), "check"], pluginDir).ms);
    result.bare.push(measure([join(ROOT, "bench", "bare-parse.mjs"), join("src", "reprints")], pluginDir).ms);
    console.log(`  N=${n} run ${r + 1}/${RUNS}: plugin ${result.plugin.ms.at(-1)!.toFixed(0)} ms, control ${result.control.ms.at(-1)!.toFixed(0)} ms`);
  }
  results.push(result);
}

const fmt = (x: number, d = 0) => x.toFixed(d);
const rows = results.map((r) => {
  const p = median(r.plugin.ms), c = median(r.control.ms);
  const cpu = median(r.plugin.cpu) / median(r.control.cpu);
  const pm = Math.max(...r.plugin.rss), cm = Math.max(...r.control.rss);
  const ck = median(r.check), bp = median(r.bare);
  return { n: r.n, p, c, time: p / c, cpu, pm, cm, mem: pm / cm, ck, bp, check: ck / bp };
});
const big = rows.find((r) => r.n === 10000) ?? rows.at(-1)!;
const small = rows.find((r) => r.n === 1000) ?? rows[0]!;
const growth = big.p / small.p;
const targets = [
  ["build time, plugin / control at N=" + big.n, `${fmt(big.time, 3)}×`, "≤ 1.10× (aim 1.03×)", big.time <= 1.1],
  ["peak memory, plugin / control at N=" + big.n, `${fmt(big.mem, 3)}×`, "≤ 1.10×", big.mem <= 1.1],
  [`growth, N=${big.n} / N=${small.n} (plugin build)`, `${fmt(growth, 2)}×`, `≤ ${(11 * big.n) / small.n / 10}×`, growth <= (11 * big.n) / small.n / 10],
  ["check / bare gray-matter parse at N=" + big.n, `${fmt(big.check, 2)}×`, "≤ 1.5×", big.check <= 1.5],
] as const;

const eleventyVersion = JSON.parse(readFileSync(join(ROOT, "node_modules", "@11ty", "eleventy", "package.json"), "utf8")).version;
const report = [
  "# Benchmark results",
  "",
  `Made by \`npm run bench\` (${RUNS} runs per size, plugin and control alternating; medians of wall time; peak resident memory of the Eleventy process, the largest of the runs).`,
  "",
  `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${fmt(totalmem() / 2 ** 30, 1)} GiB`,
  `- Node ${process.version}, Eleventy ${eleventyVersion}`,
  `- Sites: N reprints with the seed article's body, six publishers (permission, Creative Commons, public domain, a sources registry), a Nunjucks layout with its own canonical and og:url; the control is the same Markdown and layout without the plugin. Built with the Eleventy command line (\`--quiet\`).`,
  "",
  "| N | plugin (ms) | control (ms) | time ratio | CPU time ratio | plugin peak (MB) | control peak (MB) | memory ratio | check (ms) | bare parse (ms) | check ratio |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map((r) => `| ${r.n} | ${fmt(r.p)} | ${fmt(r.c)} | ${fmt(r.time, 3)} | ${fmt(r.cpu, 3)} | ${fmt(r.pm / 1024)} | ${fmt(r.cm / 1024)} | ${fmt(r.mem, 3)} | ${fmt(r.ck)} | ${fmt(r.bp)} | ${fmt(r.check, 2)} |`),
  "",
  "CPU time (user + system, from the process itself) is given beside wall time: on a shared virtual machine it varies less.",
  "",
  "| target | measured | limit | met |",
  "|---|---|---|---|",
  ...targets.map(([what, got, limit, ok]) => `| ${what} | ${got} | ${limit} | ${ok ? "yes" : "**no**"} |`),
  "",
  "Raw wall times (ms):",
  "",
  ...results.flatMap((r) => [
    `- N=${r.n} plugin: ${r.plugin.ms.map((x) => fmt(x)).join(", ")}`,
    `- N=${r.n} control: ${r.control.ms.map((x) => fmt(x)).join(", ")}`,
    `- N=${r.n} check: ${r.check.map((x) => fmt(x)).join(", ")}; bare parse: ${r.bare.map((x) => fmt(x)).join(", ")}`,
  ]),
  "",
].join("\n");
console.log("\n" + report);
if (!process.argv.includes("--no-write")) writeFileSync(join(ROOT, "bench", "RESULTS.md"), report);
