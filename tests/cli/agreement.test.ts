import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, cli, fixture, ROOT } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";

// `eleventy-syndication check` and the build must agree on every fixture: the same problems,
// in the same words, at the same lines; or none from both.
const CASES: Array<{ site: string; config: string; now?: string }> = [
  { site: "broken", config: "default" },
  { site: "njk-site", config: "njk-site" },
  { site: "liquid-site", config: "default" },
  { site: "edge-site", config: "default" },
  // Hostile values: control characters, private hosts, credentials, odd keys and YAML timestamps.
  { site: "hostile-site", config: "default" },
  { site: "banner-bottom", config: "default" },
  { site: "banner-manual", config: "banner-manual" },
  { site: "lifecycle", config: "lifecycle", now: "2025-06-01T00:00:00Z" },
  { site: "lock-site", config: "default" },
  // .eleventyignore, a date-prefixed file name (two reprints at one address), JavaScript front
  // matter, a reprint left out of collections.
  { site: "cli-edge", config: "default" },
  // permalink: false, a draft, a reprint out of collections, raw HTML and template-like text.
  { site: "features-site", config: "default" },
  // An explicit permalink that takes another reprint's address: reported at its line.
  { site: "permalink-clash", config: "default" },
  // A lock that the site no longer matches: an undeclared move, and a reprint whose file is gone.
  { site: "lock-site", config: "lock-moved" },
  // A hostile lock: paths out of the output folder, a script address, a key written twice, __proto__.
  { site: "lock-site", config: "lock-hostile" },
  // The lock's own problems are reported beside the reprints' (here, of a site with broken reprints).
  { site: "broken", config: "lock-hostile" },
  // Publishers' rules: institutions, counter, excerpts, the copyright year, a body edited since import.
  { site: "presets-broken", config: "default" },
  // Impossible dates in flow style, beside a key of the same name, and in a withdrawal.
  { site: "rolled-dates", config: "default" },
];

describe.each(CASES)("check and the build on $site ($config)", ({ site, config, now }) => {
  it("report the same problems", async () => {
    const configFile = `tests/fixtures/configs/${config}.json`;
    const options = JSON.parse(readFileSync(configFile, "utf8"));
    const built = await build(fixture(site), {
      plugin: { ...options, ...(now ? { now: () => new Date(now) } : {}) },
    }).then(
      () => [],
      (error: unknown) => {
        if (!(error instanceof SyndicationError)) throw error;
        return error.problems;
      },
    );
    const run = cli(["check", fixture(site), "--config", configFile, "--format", "json", ...(now ? ["--now", now] : [])]);
    expect(run.stderr).toBe("");
    const checked = JSON.parse(run.stdout);
    expect(checked.problems).toEqual(built);
    expect(run.status).toBe(built.length > 0 ? 1 : 0);
    // The lock's own problems come with the reprints' in one report.
    if (config === "lock-hostile") expect(built.filter((p) => p.file.endsWith("lock-hostile.lock.json")).map((p) => p.line)).toEqual([7, 7, 12, 14]);
    if (["broken", "cli-edge", "presets-broken", "permalink-clash", "hostile-site", "rolled-dates"].includes(site) || config.startsWith("lock-")) expect(built.length).toBeGreaterThan(0);
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
    writeFileSync(join(dir, "syndication.config.json"), '{ "lockFile": false }');
    writeFileSync(
      join(dir, "eleventy.config.ts"),
      `import syndication from ${JSON.stringify(join(ROOT, "plugins", "syndication", "index.ts"))};\n` +
        `export default function (c: any) { c.addPlugin(syndication, { lockFile: false }); }\n`,
    );
    const built = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--config=eleventy.config.ts"], { cwd: dir, encoding: "utf8" });
    const checked = cli(["check"], dir);
    // Eleventy reads reprints/loop/a.md as a second page: the same original at the same address.
    const lines = (text: string) => text.replace(/^\[11ty\] /gm, "").split("\n").filter((l) => l.startsWith("reprints/"));
    expect(lines(built.stderr)).toEqual([
      "reprints/loop/a.md:1  permalink  gives the address /reprints/a/, which reprints/a.md already has, rename one of the files, or give one an explicit permalink",
      "reprints/loop/a.md:5  syndication.originalUrl  is the same as in reprints/a.md (https://wire.example.com/a), reprint each original once: delete one of the two files, or correct its originalUrl",
    ]);
    expect(lines(checked.stdout)).toEqual(lines(built.stderr));
    expect(built.status).toBe(1);
    expect(checked.status).toBe(1);
  });
});
