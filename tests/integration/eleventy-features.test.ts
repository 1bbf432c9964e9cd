import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, fixture, words } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";

/** Drafts left out the way Eleventy's documentation shows: a preprocessor that returns false. */
const drafts = (eleventyConfig: any) =>
  eleventyConfig.addPreprocessor("drafts", "*", (data: { draft?: boolean }) => (data.draft ? false : undefined));

describe("Eleventy's own features next to reprints", async () => {
  const lockFile = join(mkdtempSync(join(tmpdir(), "syndication-features-lock-")), "syndication.lock.json");
  // A new lock, written by this build: under CI too (where a build writes no lock by default).
  const site = await build(fixture("features-site"), { plugin: { lockFile, updateLockInCI: true }, config: drafts });
  const lock = JSON.parse(readFileSync(lockFile, "utf8")) as { reprints: Record<string, { url: string }> };

  it("writes no page for a reprint with permalink: false, and keeps it out of the syndicated collection and the lock", () => {
    expect(site.files.filter((f) => f.includes("unlisted"))).toEqual([]);
    expect(site.page("/")("li").toArray().map((li) => site.page("/")(li).text())).not.toContain("false");
    expect(Object.keys(lock.reprints)).not.toContain("https://wire.example.com/unlisted");
  });

  it("writes no page for a draft the site's preprocessor leaves out, and keeps it out of the collection and the lock", () => {
    expect(site.files.filter((f) => f.includes("draft"))).toEqual([]);
    expect(Object.keys(lock.reprints)).not.toContain("https://wire.example.com/draft");
  });

  it("gives a reprint left out of collections its banner and canonical, but no place in syndicated or the lock", () => {
    const $ = site.page("/reprints/excluded/");
    expect($(".syndication-banner").length).toBe(1);
    expect($('link[rel="canonical"]').attr("href")).toBe("https://wire.example.com/excluded");
    expect(Object.keys(lock.reprints)).not.toContain("https://wire.example.com/excluded");
  });

  it("lists only the reprints that have a page and are in collections", () => {
    const $ = site.page("/");
    expect($("li").toArray().map((li) => $(li).text())).toEqual([
      "/reprints/2024/03/listed/",
      "/reprints/liquid/",
      "/reprints/markup/",
      "/reprints/paged/",
    ]);
    expect(Object.values(lock.reprints).map((r) => r.url).sort()).toEqual([
      "/reprints/2024/03/listed/",
      "/reprints/liquid/",
      "/reprints/markup/",
      "/reprints/paged/",
    ]);
  });

  it("locks a paginated reprint by its first page; the later pages are numbered from that address", () => {
    expect(site.files.filter((f) => f.startsWith("reprints/paged/"))).toEqual([
      "reprints/paged/1/index.html",
      "reprints/paged/2/index.html",
      "reprints/paged/index.html",
    ]);
    expect(lock.reprints["https://wire.example.com/paged"]?.url).toBe("/reprints/paged/");
  });

  it("keeps a body's raw HTML, and shows template-like text as written under templateEngineOverride: md", () => {
    const $ = site.page("/reprints/markup/");
    expect($("figure.publisher-figure figcaption").text()).toBe("The publisher's chart.");
    expect(words($("main").text())).toContain("Templates greet readers with {{ name }} and loop with {% for x in list %}.");
    // The banner still comes first, as HTML, not as Markdown text.
    expect($("main").children().first().hasClass("syndication-banner")).toBe(true);
  });

  it("renders Liquid a body means to use, with the banner above it", () => {
    const $ = site.page("/reprints/liquid/");
    expect(words($("main").text())).toContain("Reprinted from EXAMPLE WIRE.");
    expect($(".syndication-banner").length).toBe(1);
  });
});

describe("a draft with a mistake", () => {
  it("is checked like any reprint, though the site leaves it out: the build fails naming it", async () => {
    const error = await build(fixture("draft-broken"), { config: drafts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicationError);
    expect((error as SyndicationError).report.split("\n").slice(1)).toEqual([
      `tests/fixtures/draft-broken/reprints/draft.md:7  syndication.licence  "permision" is not a licence this plugin knows, did you mean "permission"?  [licence-known]`,
    ]);
  });
});
