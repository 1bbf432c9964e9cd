import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, fixture, pluginConfig, ROOT } from "../helpers.js";
import { RULES } from "../../plugins/syndication/rules/index.js";

// `eleventy-syndication check` and the build agree on every fixture site of the repository and on
// the demo: the same findings (rule, file, line, field, message, fix), or none from both, and the
// same exit status. Both run the same Eleventy config, the build with Eleventy's command line,
// the command up to the verdict. Rules of the rendered page run on built pages only, so the build
// alone reports them; both run as on a CI host (CI=true), where neither writes the lock.

const EVERY_SITE = readdirSync(join(ROOT, "tests", "fixtures"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !["configs", "intake"].includes(entry.name))
  .map((entry) => entry.name)
  .sort();
const RENDERED = new Set<string>(RULES.filter((rule) => rule.stage === "rendered").map((rule) => rule.id));
const DRAFTS = `  eleventyConfig.addPreprocessor("drafts", "*", (data) => (data.draft ? false : undefined));\n`;
const options = (name: string) => JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "configs", `${name}.json`), "utf8")) as Record<string, unknown>;

interface Case {
  site: string;
  /** The Eleventy config, given to both: made from options, a config of the fixtures, or the site's own. */
  config: () => string;
  /** Run in a copy of the site, with the packages it imports (its own config names the plugin by its package name). */
  own?: boolean;
  now?: string;
}

/** How each site is built in its own tests; every other site with the plugin's defaults. */
const SPECIAL: Record<string, Array<Omit<Case, "site">>> = {
  "banner-manual": [{ config: () => pluginConfig(options("banner-manual")) }],
  broken: [{ config: () => pluginConfig({ lockFile: false }) }, { config: () => pluginConfig(options("lock-hostile")) }],
  "draft-broken": [{ config: () => pluginConfig({ lockFile: false }, DRAFTS) }],
  "features-site": [{ config: () => pluginConfig({ lockFile: false }, DRAFTS) }],
  lifecycle: [{ config: () => join(ROOT, "tests", "fixtures", "lifecycle.config.ts"), now: "2025-06-01T00:00:00Z" }],
  "lock-site": [{ config: () => pluginConfig({ lockFile: false }) }, { config: () => pluginConfig(options("lock-moved")) }, { config: () => pluginConfig(options("lock-hostile")) }],
  "njk-site": [{ config: () => pluginConfig(options("njk-site")) }],
  "presets-html-off": [{ config: () => join(ROOT, "tests", "fixtures", "html-off.config.ts") }],
  "consumer-broken": [{ config: () => "eleventy.config.js", own: true }],
  "consumer-liquid": [{ config: () => "eleventy.config.js", own: true }],
  "consumer-njk": [{ config: () => "eleventy.config.js", own: true }],
  "starter-blog": [{ config: () => "eleventy.config.js", own: true }, { config: () => "eleventy.config.cjs", own: true }],
};
const CASES: Case[] = EVERY_SITE.flatMap((site) => (SPECIAL[site] ?? [{ config: () => pluginConfig({ lockFile: false }) }]).map((c) => ({ site, ...c })));

/** A copy of a site whose config imports packages by name: the plugin (this repository) and what it has installed. */
function ownCopy(site: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "syndication-agree-")), site);
  cpSync(join(ROOT, fixture(site)), dir, { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  for (const name of readdirSync(join(ROOT, "node_modules"))) symlinkSync(join(ROOT, "node_modules", name), join(dir, "node_modules", name), "dir");
  symlinkSync(ROOT, join(dir, "node_modules", "eleventy-plugin-syndication"), "dir");
  return dir;
}

/** The report's lines (every finding line ends with its rule), less those of rules only the build runs. */
function findingLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/^\[11ty\] /, ""))
    .filter((line) => /  \[[a-z-]+\]$/.test(line) && !RENDERED.has(/\[([a-z-]+)\]$/.exec(line)![1]!))
    .sort();
}

const CI = { ...process.env, CI: "true" };

describe.each(CASES)("check and the build on $site", ({ site, config, own, now }) => {
  it("give the same findings", () => {
    const cwd = own ? ownCopy(site) : ROOT;
    const configFile = config();
    const output = mkdtempSync(join(tmpdir(), "syndication-agree-out-"));
    const input = own ? [] : [`--input=${fixture(site)}`];
    // The build, with a stub that answers image hosts offline (the starter blog's image transform).
    const built = spawnSync(
      process.execPath,
      ["--import", "tsx", "--import", join(ROOT, "tests", "offline-fetch.mjs"), join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"), `--config=${configFile}`, ...input, `--output=${output}`],
      { cwd, encoding: "utf8", env: CI },
    );
    const checked = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), "check", ...(own ? [] : [fixture(site)]), "--config", configFile, ...(now ? ["--now", now] : [])], { cwd, encoding: "utf8", env: CI });
    const fromBuild = findingLines(built.stdout + built.stderr);
    expect(findingLines(checked.stdout)).toEqual(fromBuild);
    // The build fails where check finds an error, or Eleventy itself stops (a layout it cannot read).
    const rendered = (built.stdout + built.stderr).split("\n").some((line) => [...RENDERED].some((id) => line.endsWith(`[${id}]`) && !line.includes("warning:")));
    if (!rendered) expect(checked.status).toBe(built.status === 0 ? 0 : 1);
    if (checked.status === 0) expect(checked.stdout).toMatch(/reprints? checked: no problems\.$/m);
    expect(checked.stderr === "" || checked.status === 1).toBe(true);
  });
});

describe("check and the build on the demo", () => {
  it("agree: no problems", () => {
    const built = spawnSync("npm", ["run", "build", "--", `--output=${mkdtempSync(join(tmpdir(), "syndication-demo-"))}`], { cwd: ROOT, encoding: "utf8", env: CI });
    const checked = cli(["check"]);
    expect(findingLines(checked.stdout)).toEqual(findingLines(built.stdout + built.stderr));
    expect([built.status, checked.status]).toEqual([0, 0]);
    // Every reprint of the demo is checked: the article and the samples beside it.
    const reprints = readdirSync(join(ROOT, "src", "reprints")).filter((name) => name.endsWith(".md")).length;
    expect(reprints).toBeGreaterThan(1);
    expect(checked.stdout.trim()).toBe(`${reprints} reprints checked: no problems.`);
  });
});

describe("a site whose options live only in eleventy.config.js", () => {
  it("gets one verdict: a source of the options supplies the licence, so both ask for the pixel", () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-options-"));
    mkdirSync(join(dir, "reprints"));
    writeFileSync(join(dir, "reprints", "a.md"), "---\ntitle: A\nsyndication:\n  source: wire\n  originalUrl: https://wire.example.com/a\n---\nText.\n");
    const config = pluginConfig({ lockFile: false, sources: { wire: { name: "Example Wire", licence: "permission", rules: { pixel: true } } } });
    const built = spawnSync(process.execPath, [join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"), `--config=${config}`, `--input=${dir}`, `--output=${join(dir, "_site")}`], { cwd: ROOT, encoding: "utf8" });
    const checked = cli(["check", dir, "--config", config]);
    const lines = findingLines(checked.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/reprints\/a\.md:3  syndication\.pixel  is missing, and Example Wire requires its tracking pixel .*  \[pixel-required\]$/);
    expect(findingLines(built.stdout + built.stderr)).toEqual(lines);
    expect([built.status, checked.status]).toEqual([1, 1]);
    expect(existsSync(join(dir, "_site"))).toBe(false);
  });
});

describe("check and the build on a site with symbolic links", () => {
  it("read the same pages: a link back to a folder once, a loop of links never", () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-links-"));
    mkdirSync(join(dir, "reprints"));
    writeFileSync(join(dir, "reprints", "a.md"), "---\ntitle: A\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n---\nText.\n");
    // A link to the folder it is in, and two links that point at each other.
    symlinkSync(".", join(dir, "reprints", "loop"));
    symlinkSync("b", join(dir, "reprints", "c"));
    symlinkSync("c", join(dir, "reprints", "b"));
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    writeFileSync(
      join(dir, "eleventy.config.ts"),
      `import syndication from ${JSON.stringify(join(ROOT, "plugins", "syndication", "index.ts"))};\n` +
        `export default function (c: any) { c.addPlugin(syndication, { lockFile: false }); }\n`,
    );
    const built = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--config=eleventy.config.ts"], { cwd: dir, encoding: "utf8" });
    // The command finds eleventy.config.ts itself, and loads it with the site's tsx.
    const checked = cli(["check"], dir);
    // Eleventy reads reprints/loop/a.md as a second page: the same original at the same address.
    expect(findingLines(built.stdout + built.stderr)).toEqual([
      "reprints/loop/a.md:1  permalink  gives the address /reprints/a/, which reprints/a.md already has, rename one of the files, or give one an explicit permalink  [address-unique]",
      "reprints/loop/a.md:5  syndication.originalUrl  is the same as in reprints/a.md (https://wire.example.com/a), reprint each original once: delete one of the two files, or correct its originalUrl  [original-url-unique]",
    ]);
    expect(findingLines(checked.stdout)).toEqual(findingLines(built.stdout + built.stderr));
    expect([built.status, checked.status]).toEqual([1, 1]);
  });
});
