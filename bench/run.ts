/**
 * npm run bench: what the plugin costs beside the site its users would otherwise write by hand and
 * beside plain Eleventy, all three building the same Markdown (bench/generate.ts), and what
 * `eleventy-syndication check` costs beside the build.
 * Options: --sizes 1000,10000  --runs 6  --no-write (print only)  --eleventy <version> (build with
 * another Eleventy: this repository's aliases of it, or one npm installs into bench/.sites)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eleventyReleases, nodeFor } from "../tests/consumer.js";
import { VARIANTS, generateSite, type Variant } from "./generate.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SITES = join(ROOT, "bench", ".sites");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const SIZES = arg("sizes", "1000,10000").split(",").map(Number);
const RUNS = Number(arg("runs", "6"));
const WANTED = arg("eleventy", "");
if (SIZES.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(RUNS) || RUNS < 1) {
  throw new Error("--sizes takes whole numbers (1000,10000) and --runs a whole number");
}

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));

/**
 * The Eleventy to build with: this repository's `@11ty/eleventy`, an alias of it among the
 * devDependencies with the version asked for, or else that version installed from npm into
 * bench/.sites (once; this needs the network).
 */
function findEleventy(version: string): string {
  const here = eleventyReleases().find((release) => (version ? release.version === version : release.folder === "@11ty/eleventy"));
  if (here) return join(ROOT, "node_modules", here.folder);
  const prefix = join(SITES, `eleventy-${version}`);
  const dir = join(prefix, "node_modules", "@11ty", "eleventy");
  if (!existsSync(dir)) {
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, "package.json"), JSON.stringify({ private: true }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", `@11ty/eleventy@${version}`], { cwd: prefix, stdio: "inherit" });
  }
  return dir;
}

const ELEVENTY_DIR = findEleventy(WANTED);
const ELEVENTY = readJson(join(ELEVENTY_DIR, "package.json")) as { version: string; engines?: { node?: string } };
const NODE = nodeFor(ELEVENTY.engines?.node ?? "*");
if (!NODE) throw new Error(`Eleventy ${ELEVENTY.version} needs Node ${ELEVENTY.engines?.node}: install one with npm run setup:node22`);
const NODE_VERSION = execFileSync(NODE, ["--version"], { encoding: "utf8" }).trim();

/** One run of a command: wall time and CPU time (ms) and peak resident memory (kB) of its process. */
interface Sample {
  wall: number;
  cpu: number;
  rss: number;
}

/** Run a command with the chosen Node; the preloaded bench/rss.cjs reports the process's CPU time and peak memory. */
function measure(args: string[], cwd: string): Sample {
  const rssFile = join(SITES, "rss.txt");
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const run = spawnSync(NODE!, ["--require", join(ROOT, "bench", "rss.cjs"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, BENCH_RSS_FILE: rssFile, CI: "" },
  });
  const wall = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed in ${cwd}:\n${run.stderr}`);
  const [rss, cpu] = readFileSync(rssFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  return { wall, cpu: cpu!, rss: rss! };
}

const BUILD = [join(ELEVENTY_DIR, "cmd.cjs"), "--input=src", "--quiet"];
// The command runs the site's own config with the same input folder as the build.
const CHECK = [join(ROOT, "dist", "cli.js"), "check", "src"];
const BARE_PARSE = [join(ROOT, "bench", "bare-parse.mjs"), join("src", "reprints")];

/** Each variant built what it should: every reprint at its address, and the canonical where a variant sets one. */
function verify(variant: Variant, dir: string, n: number): void {
  const out = join(dir, "_site", "reprints");
  const pages = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith("index.html"));
  const first = variant === "bare" ? join(out, "story-0", "index.html") : join(out, "2015", "01", "story-0", "index.html");
  const html = existsSync(first) ? readFileSync(first, "utf8") : "";
  const canonical = variant === "bare" ? "https://reprints.example.org/reprints/story-0/" : "https://publisher0.example.com/a/story-0.html";
  if (pages.length !== n || !html.includes(`<link rel="canonical" href="${canonical}">`)) {
    throw new Error(`the ${variant} site in ${dir} did not build as expected (${pages.length} of ${n} reprints; canonical ${canonical} in ${first}?)`);
  }
}

console.log("compiling the plugin…");
execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: ROOT, stdio: "inherit" });
mkdirSync(SITES, { recursive: true });
console.log(`Eleventy ${ELEVENTY.version} on Node ${NODE_VERSION}`);

interface SizeResult {
  n: number;
  builds: Record<Variant, Sample[]>;
  check: Sample[];
  bareParse: Sample[];
}
const results: SizeResult[] = [];

for (const n of SIZES) {
  const dirs = Object.fromEntries(VARIANTS.map((v) => [v, join(SITES, `${v}-${n}`)])) as Record<Variant, string>;
  console.log(`generating three sites of ${n} reprints…`);
  for (const variant of VARIANTS) generateSite(ROOT, dirs[variant], n, variant, join(ROOT, "dist", "index.js"));
  // Warm-up: file caches, and the plugin's first build writes its lock.
  for (const variant of VARIANTS) {
    measure(BUILD, dirs[variant]);
    verify(variant, dirs[variant], n);
  }
  measure(CHECK, dirs.plugin);
  const result: SizeResult = { n, builds: { plugin: [], "hand-rolled": [], bare: [] }, check: [], bareParse: [] };
  for (let r = 0; r < RUNS; r++) {
    // The three in turn, starting one further each run: a slow moment of the machine falls on all.
    const order = VARIANTS.map((_, i) => VARIANTS[(i + r) % VARIANTS.length]!);
    for (const variant of order) result.builds[variant].push(measure(BUILD, dirs[variant]));
    result.check.push(measure(CHECK, dirs.plugin));
    result.bareParse.push(measure(BARE_PARSE, dirs.plugin));
    const cpu = (v: Variant) => `${v} ${(result.builds[v].at(-1)!.cpu / 1000).toFixed(2)} s`;
    console.log(`  N=${n} run ${r + 1}/${RUNS} (CPU time): ${VARIANTS.map(cpu).join(", ")}, check ${(result.check.at(-1)!.cpu / 1000).toFixed(2)} s`);
  }
  results.push(result);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
type Figure = keyof Sample;
/** Ratios run by run (the two measured in the same run, moments apart), summed up as median and range. */
const ratio = (a: Sample[], b: Sample[], figure: Figure) => {
  const each = a.map((x, i) => x[figure] / b[i]![figure]);
  return { median: median(each), min: Math.min(...each), max: Math.max(...each) };
};
const showRatio = (r: { median: number; min: number; max: number }) => `${r.median.toFixed(3)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
const COMPARED: Array<[string, (r: SizeResult) => [Sample[], Sample[]], Figure[]]> = [
  ["plugin / hand-rolled", (r) => [r.builds.plugin, r.builds["hand-rolled"]], ["cpu", "wall", "rss"]],
  ["plugin / bare Eleventy", (r) => [r.builds.plugin, r.builds.bare], ["cpu", "wall", "rss"]],
  ["hand-rolled / bare Eleventy", (r) => [r.builds["hand-rolled"], r.builds.bare], ["cpu", "wall", "rss"]],
  ["check / plugin build", (r) => [r.check, r.builds.plugin], ["cpu", "wall"]],
  ["check / bare gray-matter parse", (r) => [r.check, r.bareParse], ["cpu", "wall"]],
];

const big = results.find((r) => r.n === 10000) ?? results.at(-1)!;
const small = results.find((r) => r.n === 1000) ?? results[0]!;
const FIGURE_NAMES: Record<Figure, string> = { cpu: "CPU time", wall: "wall time", rss: "peak memory" };
// Issue 15's targets, check at most half the build (a later issue's), and the earlier targets for check and growth.
const TARGETS: Array<[string, Figure, number, string?]> = [
  ["plugin / hand-rolled", "cpu", 1.05, "aim 1.02×"],
  ["plugin / hand-rolled", "rss", 1.1, "aim 1.05×"],
  ["plugin / bare Eleventy", "cpu", 1.1],
  ["check / plugin build", "cpu", 0.5],
  ["check / bare gray-matter parse", "wall", 1.5],
];
const targetRows = TARGETS.map(([which, figure, limit, aim]) => {
  const [a, b] = COMPARED.find(([name]) => name === which)![1](big);
  const got = ratio(a, b, figure).median;
  return [`${FIGURE_NAMES[figure]}, ${which}`, got, `≤ ${limit.toFixed(2)}×${aim ? ` (${aim})` : ""}`, got <= limit] as const;
});
if (big.n > small.n) {
  // Linear growth: ten times the reprints cost at most eleven times the time.
  const growth = median(big.builds.plugin.map((x) => x.cpu)) / median(small.builds.plugin.map((x) => x.cpu));
  const limit = (1.1 * big.n) / small.n;
  targetRows.push([`CPU time of the plugin's build, N=${big.n} / N=${small.n}`, growth, `≤ ${limit}×`, growth <= limit]);
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const mb = (kb: number) => (kb / 1024).toFixed(0);
const NAMES: Record<Variant, string> = { plugin: "plugin", "hand-rolled": "hand-rolled", bare: "bare Eleventy" };
const report = [
  "# Benchmark results",
  "",
  `Made by \`npm run bench\`${WANTED ? ` \`--eleventy ${WANTED}\`` : ""}: ${RUNS} runs per size; each run builds the three sites in turn, starting one further each run, then runs \`eleventy-syndication check\` and a bare parse on the plugin's site. Figures are medians of the runs; ratios are taken run by run, then their median, with the range in brackets. CPU time (user + system) and peak resident memory are the process's own; on a shared virtual machine CPU time varies less than wall time.`,
  "",
  `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- Node ${NODE_VERSION}, Eleventy ${ELEVENTY.version}`,
  "- Sites: N reprints of the seed article's body (about 6 KB), six publishers, a Nunjucks layout, built with the Eleventy command line (`--quiet`).",
  "  - plugin: the plugin with a sources registry; the layout has its own canonical and og:url, which the plugin points at the original.",
  "  - hand-rolled: no plugin; the layout prints a credit line and `<link rel=\"canonical\" href=\"{{ syndication.originalUrl }}\">` from front matter; the reprints folder's data file adds a tag (a collection), a computed permalink from the original date and an `eleventyDataSchema` check that source, originalUrl and licence are there.",
  "  - bare Eleventy: no plugin, the plugin's layout, nothing else.",
  "",
  "| N | site | CPU time (s) | wall time (s) | peak memory (MB) |",
  "|---|---|---|---|---|",
  ...results.flatMap((r) => [
    ...VARIANTS.map((v) => {
      const runs = r.builds[v];
      return `| ${r.n} | ${NAMES[v]} build | ${s(median(runs.map((x) => x.cpu)))} | ${s(median(runs.map((x) => x.wall)))} | ${mb(median(runs.map((x) => x.rss)))} |`;
    }),
    `| ${r.n} | \`eleventy-syndication check\` | ${s(median(r.check.map((x) => x.cpu)))} | ${s(median(r.check.map((x) => x.wall)))} | ${mb(median(r.check.map((x) => x.rss)))} |`,
  ]),
  "",
  "| N | ratio | CPU time | wall time | peak memory |",
  "|---|---|---|---|---|",
  ...results.flatMap((r) =>
    COMPARED.map(([name, pick, figures]) => {
      const [a, b] = pick(r);
      const cell = (f: Figure) => (figures.includes(f) ? showRatio(ratio(a, b, f)) : "—");
      return `| ${r.n} | ${name} | ${cell("cpu")} | ${cell("wall")} | ${cell("rss")} |`;
    }),
  ),
  "",
  `Targets (set for N=10000), at N=${big.n}:`,
  "",
  "| target | measured | limit | met |",
  "|---|---|---|---|",
  ...targetRows.map(([what, got, limit, ok]) => `| ${what} | ${got.toFixed(3)}× | ${limit} | ${ok ? "yes" : "**no**"} |`),
  "",
  "Each run, as CPU time (s) / wall time (s) / peak memory (MB):",
  "",
  ...results.flatMap((r) =>
    [...VARIANTS.map((v) => [`${NAMES[v]} build`, r.builds[v]] as const), ["check", r.check] as const].map(
      ([name, runs]) => `- N=${r.n} ${name}: ${runs.map((x) => `${s(x.cpu)}/${s(x.wall)}/${mb(x.rss)}`).join(", ")}`,
    ),
  ),
  "",
].join("\n");
console.log(`\n${report}`);
const file = join(ROOT, "bench", WANTED ? `RESULTS-eleventy-${ELEVENTY.version}.md` : "RESULTS.md");
if (!process.argv.includes("--no-write")) {
  writeFileSync(file, report);
  console.log(`written to ${file}`);
}
