import Eleventy from "@11ty/eleventy";
import * as cheerio from "cheerio";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import syndication from "../plugins/syndication/index.js";
import type { Finding, SyndicationOptions } from "../plugins/syndication/index.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const fixture = (name: string) => join("tests", "fixtures", name);

export interface BuiltSite {
  output: string;
  /** Every file written, relative to the output folder. */
  files: string[];
  /** The HTML at a site URL such as "/reprints/2021/12/x/", parsed. */
  page(url: string): cheerio.CheerioAPI;
  /** The raw text at a site URL. */
  raw(url: string): string;
}

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

export interface BuildSetup {
  /** Add the plugin with these options (false: build without the plugin). */
  plugin?: SyndicationOptions | false;
  /** More config, applied after the plugin. */
  config?: (eleventyConfig: any) => void;
  /** Output folder (default: a new temporary folder). */
  output?: string;
  /** Collect what Eleventy and the plugin print here, one entry a message (default: print nothing). */
  messages?: string[];
}

/** Build a fixture folder with the real Eleventy into a fresh temporary folder. */
export async function build(input: string, setup: BuildSetup = {}): Promise<BuiltSite> {
  const output = setup.output ?? mkdtempSync(join(tmpdir(), "syndication-test-"));
  const elev = new Eleventy(input, output, {
    quietMode: true,
    // No config file: nothing but what this setup says is loaded.
    configPath: false,
    config(eleventyConfig: any) {
      // The permalink lock is off unless a test turns it on: fixtures share the project root.
      if (setup.plugin !== false) eleventyConfig.addPlugin(syndication, { lockFile: false, ...setup.plugin });
      setup.config?.(eleventyConfig);
    },
  });
  if (setup.messages) {
    const keep = (text: unknown) => setup.messages!.push(String(text).replace(/^\[11ty\] /gm, ""));
    elev.logger.overrideLogger({ log: keep, warn: keep, error: keep, info: keep });
  } else {
    elev.disableLogger();
  }
  await elev.write();
  return site(output);
}

export function site(output: string): BuiltSite {
  // "/a/" is /a/index.html; "/feed.xml" is itself.
  const raw = (url: string) => readFileSync(join(output, url, /\.\w+$/.test(url) ? "" : "index.html"), "utf8");
  return { output, files: listFiles(output), raw, page: (url) => cheerio.load(raw(url)) };
}

/** The JSON-LD objects on a page, parsed. */
export function jsonLd($: cheerio.CheerioAPI): any[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((el) => JSON.parse($(el).text()));
}

/** Text with runs of white space folded, as a reader sees it. */
export const words = (text: string) => text.replace(/\s+/g, " ").trim();

/** Build the demo site with the README's own build script into a temporary folder. */
export function buildDemo(): BuiltSite & { status: number | null; stderr: string } {
  const output = mkdtempSync(join(tmpdir(), "syndication-demo-"));
  const run = spawnSync("npm", ["run", "build", "--", `--output=${output}`], { cwd: ROOT, encoding: "utf8" });
  return { ...site(output), status: run.status, stderr: run.stderr };
}

/**
 * Build a fixture with the Eleventy command line, as a user runs it (through tsx, for the
 * fixture's TypeScript config), into a new temporary folder.
 */
export function eleventyCli(name: string, config: string, env: NodeJS.ProcessEnv = {}) {
  const output = mkdtempSync(join(tmpdir(), `syndication-${name}-`));
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", `--config=${config}`, `--input=${fixture(name)}`, `--output=${output}`],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, output, site: site(output) };
}

/** Run the compiled command as a user would (`eleventy-syndication ...`), from the repository. */
export function cli(args: string[], cwd = ROOT) {
  const run = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), ...args], { cwd, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * An Eleventy config, in a new temporary folder, that adds the compiled plugin (as users install
 * it) with these options: what `eleventy-syndication check --config` runs for a fixture.
 */
export function pluginConfig(options: Record<string, unknown> = { lockFile: false }, extra = ""): string {
  const dir = mkdtempSync(join(tmpdir(), "syndication-config-"));
  const file = join(dir, "eleventy.config.mjs");
  const plugin = pathToFileURL(join(ROOT, "dist", "index.js")).href;
  writeFileSync(file, `import syndication from ${JSON.stringify(plugin)};\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(syndication, ${JSON.stringify(options)});\n${extra}}\n`);
  return file;
}

/** `check --format json` of an input folder with a config: its exit status and findings. */
export function checkJson(input: string, config: string, args: string[] = [], cwd = ROOT) {
  const run = cli(["check", input, "--config", config, "--format", "json", ...args], cwd);
  const parsed = run.stdout.trim().startsWith("{") ? (JSON.parse(run.stdout) as { reprints: number; findings: Finding[] }) : { reprints: 0, findings: [] };
  return { ...run, ...parsed, problems: parsed.findings.filter((f) => f.severity === "error") };
}

/**
 * The Eleventy config of a small site: the compiled plugin with these options, and the folders
 * (`input`, `output`) given with them: `{ "input": "site", "lockFile": false }`.
 */
export function eleventyConfigFor(json: string): string {
  const { input, output, ...options } = JSON.parse(json) as { input?: string; output?: string } & Record<string, unknown>;
  const dir = { ...(input ? { input } : {}), ...(output ? { output } : {}) };
  const plugin = pathToFileURL(join(ROOT, "dist", "index.js")).href;
  return `import syndication from ${JSON.stringify(plugin)};\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(syndication, ${JSON.stringify(options)});\n  return { dir: ${JSON.stringify(dir)} };\n}\n`;
}

/**
 * A run's standard error without Eleventy's "[11ty] Benchmark …" notes: Eleventy prints one when a
 * busy machine spends a share of the run in one hook, even in quiet mode. They are about the
 * machine's load, not the site; anything else Eleventy or the plugin says is kept.
 */
export const withoutTimingNotes = (stderr: string) =>
  stderr
    .split("\n")
    .filter((line) => !line.startsWith("[11ty] Benchmark"))
    .join("\n");
