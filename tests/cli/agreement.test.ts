import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { build, cli, fixture } from "../helpers.js";
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
    if (["broken", "cli-edge", "presets-broken", "permalink-clash", "hostile-site", "rolled-dates"].includes(site) || config === "lock-moved") expect(built.length).toBeGreaterThan(0);
  });
});
