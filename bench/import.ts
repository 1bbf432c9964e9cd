/**
 * npm run bench:import: what importing the plugin costs, in CPU time (user + system) of a fresh
 * Node process, measured around the `import()` alone. Two cases: the plugin imported first (every
 * module it loads is counted), and after Eleventy (what a site's config adds to a process that has
 * already loaded Eleventy, which brings markdown-it, luxon and others). Then each runtime
 * dependency alone, to show where the time goes. Target (issue 15): at most 60 ms.
 * Options: --runs 15
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const i = process.argv.indexOf("--runs");
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 15;
const TARGET_MS = 60;

/** CPU milliseconds that `import(target)` takes in a new process, after `before` is imported. */
function importCpu(target: string, before?: string): number {
  const script = `
    ${before ? `await import(${JSON.stringify(before)});` : ""}
    const start = process.cpuUsage();
    await import(${JSON.stringify(target)});
    const { user, system } = process.cpuUsage(start);
    console.log((user + system) / 1000);`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`importing ${target} failed:\n${run.stderr}`);
  return Number(run.stdout.trim());
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function measure(target: string, before?: string): { median: number; min: number; max: number } {
  importCpu(target, before); // warm-up: the file system's caches
  const runs = Array.from({ length: RUNS }, () => importCpu(target, before));
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs) };
}

console.log("compiling the plugin…");
execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: ROOT, stdio: "inherit" });
const plugin = pathToFileURL(join(ROOT, "dist", "index.js")).href;
const eleventy = "@11ty/eleventy";
const show = (r: { median: number; min: number; max: number }) => `${r.median.toFixed(1)} ms (${r.min.toFixed(1)}–${r.max.toFixed(1)})`;

const alone = measure(plugin);
const afterEleventy = measure(plugin, eleventy);
console.log(`\nImporting the plugin, CPU time, median of ${RUNS} runs (range), Node ${process.version}:`);
console.log(`- first in its process: ${show(alone)} — target ≤ ${TARGET_MS} ms: ${alone.median <= TARGET_MS ? "met" : "NOT met"}`);
console.log(`- after Eleventy: ${show(afterEleventy)}`);
const { dependencies } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
console.log("\nEach runtime dependency alone (the command's own, such as commander, are loaded only by the command):");
for (const name of Object.keys(dependencies)) console.log(`- ${name}: ${show(measure(name))}`);
