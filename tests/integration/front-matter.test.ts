import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { build, fixture, listFiles } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";

/** Build a fixture that must fail with the plugin's report; its problems as report lines. */
async function reportOf(name: string, config?: (eleventyConfig: any) => void) {
  const output = mkdtempSync(join(tmpdir(), `syndication-${name}-`));
  const error = await build(fixture(name), { output, ...(config ? { config } : {}) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyndicationError);
  return { lines: (error as SyndicationError).report.split("\n").slice(1), written: listFiles(output) };
}

describe("front matter that is not valid YAML", () => {
  const F = "tests/fixtures/yaml-errors";

  it("in a reprint is reported with its file, line and column, in one report with every other reprint's", async () => {
    const { lines, written } = await reportOf("yaml-errors");
    expect(lines).toEqual([
      `${F}/reprints/tab.md:4  front matter  cannot be read: tab characters must not be used in indentation (column 1), correct the YAML between the --- lines  [front-matter-readable]`,
      // Outside the reprints folder, a syndication: key makes it a reprint.
      `${F}/syndicated-elsewhere.md:7  front matter  cannot be read: unexpected end of the stream within a flow collection (column 1), correct the YAML between the --- lines  [front-matter-readable]`,
    ]);
    expect(written).toEqual([]);
  });

  // Any other page or layout is Eleventy's to report, as without the plugin: with its own
  // message and position marker, and never counted as a reprint.
  const eleventyError = async (name: string) => {
    const error = await build(fixture(name)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SyndicationError);
    const chain: string[] = [];
    for (let e = error as { message?: string; originalError?: unknown; cause?: unknown } | undefined; e; e = (e.originalError ?? e.cause) as typeof e) {
      chain.push(String(e.message));
    }
    return chain.join("\n");
  };

  it("in an ordinary page is Eleventy's own error, with its position marker", async () => {
    const text = await eleventyError("yaml-errors-pages");
    expect(text).toContain("yaml-errors-pages/about.md");
    expect(text).toContain("duplicated mapping key (3:1)");
    expect(text).toMatch(/\n 3 \| title: About, twice\n-+\^/);
    expect(text).not.toMatch(/problems? in \d+ reprint/);
  });

  it("in a layout is Eleventy's own error too", async () => {
    const text = await eleventyError("yaml-errors-layout");
    expect(text).toContain("broken-layout.njk");
    expect(text).toContain("unexpected end of the stream within a flow collection");
    expect(text).not.toMatch(/problems? in \d+ reprint/);
  });

  it("is read with the site's own YAML engine, which the plugin keeps", async () => {
    const config = (eleventyConfig: any) =>
      eleventyConfig.setFrontMatterParsingOptions({
        engines: { yaml: (text: string) => ({ ...(yaml.load(text) as object), engineMark: "read by the site's engine" }) },
      });
    const site = await build(fixture("yaml-engine"), { config });
    const $ = site.page("/reprints/story/");
    expect($(".engine").text()).toBe("read by the site's engine");
    expect($(".syndication-banner").length).toBe(1);
  });
});

describe("a field set in a data file", () => {
  const F = "tests/fixtures/data-files/reprints";

  it("names the data file (with the line, for JSON) instead of the reprint's own front matter", async () => {
    const { lines } = await reportOf("data-files");
    expect(lines).toEqual([
      `${F}/a.md:3  syndication.licence  "CC-BY-9" is not a licence this plugin knows (set in ${F}/reprints.11tydata.mjs, not in this file), use permission, public-domain, a Creative Commons SPDX id such as CC-BY-4.0, or { name, url } for another licence  [licence-known]`,
      `${F}/b.md:3  syndication.originalUrl  uses ftp: where http: or https: is needed (set in ${F}/b.11tydata.json:4, not in this file), give the article's web address, starting with https://  [url-valid]`,
    ]);
  });
});

describe("a page-level field in the front matter", () => {
  it("is reported at its own line: a permalink that takes another reprint's address", async () => {
    const { lines } = await reportOf("permalink-clash");
    expect(lines).toEqual([
      "tests/fixtures/permalink-clash/reprints/b.md:3  permalink  gives the address /reprints/a/, which tests/fixtures/permalink-clash/reprints/a.md already has, rename one of the files, or give one an explicit permalink  [address-unique]",
    ]);
  });
});
