import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import matter from "gray-matter";
import { readRepublishHtml, type IntakeResult } from "../../plugins/syndication/intake/intake.js";
import { entryFileName, readFeed, selectEntries } from "../../plugins/syndication/intake/intake-feed.js";
import { linksInMarkdown } from "../../plugins/syndication/render/links.js";
import { build, fixture, words, type BuiltSite } from "../helpers.js";

// The readers' results written as Markdown reprints, as the command's import writes them
// (gray-matter's stringify, no folded lines), into a copy of a test site that already reprints
// two entries of the sample feed, and built by Eleventy with the built-in presets.
const sample = (name: string) => readFileSync(join(fixture("intake"), name), "utf8");
const PROPUBLICA_PIXEL = "https://pixel.propublica.org/pixel.gif?key=sample";

let site: BuiltSite;
const written = new Map<string, IntakeResult>();

beforeAll(async () => {
  const input = mkdtempSync(join(tmpdir(), "syndication-intake-"));
  cpSync(fixture("intake-site"), input, { recursive: true });
  const write = (name: string, result: IntakeResult) => {
    expect(result.problems.filter((p) => p.required)).toEqual([]);
    writeFileSync(join(input, "reprints", name), matter.stringify(result.body, result.frontMatter, { lineWidth: -1 } as never));
    written.set(name, result);
  };
  write("conversation-box.md", await readRepublishHtml(sample("the-conversation-box.html")));
  write("propublica-box.md", await readRepublishHtml(sample("propublica-box.html"), { given: { pixel: PROPUBLICA_PIXEL } }));
  const reprints = [
    ["https://theconversation.com/sample-what-a-dry-summer-does-to-soil-1000107", "reprints/dry-summer-soil.md"],
    ["https://theconversation.com/sample-a-short-history-of-the-footnote-1000103", "reprints/history-of-the-footnote.md"],
  ] as [string, string][];
  // The feed's photographs are an agency's, with no licence of their own: left out, as The Conversation allows.
  const entries = await readFeed(sample("the-conversation-feed.atom"), { withoutImages: true });
  for (const entry of selectEntries(entries, { reprinted: reprints }).write) write(entryFileName(entry), entry.result);
  // Given as an absolute path outside the working folder, Eleventy 3.1 did not apply the folder's
  // data file (the layout): the same folder given relative to it builds as a site does.
  site = await build(relative(process.cwd(), input));
});

/** The reprint's address: /reprints/<year>/<month>/<file-slug>/ from its original date, or /reprints/<file-slug>/. */
const addressOf = (name: string) => {
  const published = written.get(name)!.frontMatter.syndication.published;
  const slug = name.replace(/\.md$/, "");
  return published ? `/reprints/${published.slice(0, 4)}/${published.slice(5, 7)}/${slug}/` : `/reprints/${slug}/`;
};

describe("reprints imported from republish boxes and a feed, built", () => {
  it("builds the two boxes and the eight new feed entries beside the site's own two reprints", () => {
    expect(written.size).toBe(10);
    const pages = site.files.filter((f) => f.startsWith("reprints/") && f.endsWith("index.html"));
    expect(pages).toHaveLength(12);
    for (const name of written.keys()) expect(site.files).toContain(`${addressOf(name).slice(1)}index.html`);
  });

  it("credits The Conversation's box with the preset's exact banner, the authors and their institutions", () => {
    const $ = site.page(addressOf("conversation-box.md"));
    expect(words($(".syndication-credit").text())).toBe(
      "This article by Jane Sample (University of Exampleton) and Omar Placeholder (Institute of Fixtures) is republished from The Conversation " +
        "under the Creative Commons Attribution No Derivatives 4.0 International licence.",
    );
    expect($(".syndication-credit a").first().attr("href")).toBe("https://theconversation.com/sample-how-a-republish-box-becomes-a-reprint-1000003");
    expect($('a[rel="license"]').attr("href")).toBe("https://creativecommons.org/licenses/by-nd/4.0/");
    expect($("h1").text()).toBe("Sample: how a republish box becomes a reprint");
  });

  it("credits ProPublica's box with the preset's exact banner", () => {
    const $ = site.page(addressOf("propublica-box.md"));
    expect(words($(".syndication-credit").text())).toBe(
      "This story was originally published by ProPublica. It is republished under the Creative Commons Attribution Non Commercial No Derivatives 3.0 Unported licence.",
    );
    expect($(".syndication-credit a").first().attr("href")).toBe("https://www.propublica.org/article/sample-story-republished-from-a-box");
  });

  it("shows each publisher's tracking image once, and the credit once", () => {
    for (const [name, result] of written) {
      const $ = site.page(addressOf(name));
      const pixel = result.frontMatter.syndication.pixel!;
      expect($(`img[src="${pixel}"]`), name).toHaveLength(1);
      expect($(".syndication-banner"), name).toHaveLength(1);
      // The box's own credit line is not there beside the plugin's.
      $(".syndication-banner").remove();
      expect(words($("article").text()), name).not.toMatch(/\bThis (?:article|story)\b[^.]*\b(?:originally published|republished from)\b/);
    }
    expect(written.get("propublica-box.md")!.frontMatter.syndication.pixel).toBe(PROPUBLICA_PIXEL);
  });

  it("keeps every link of every article on its page", () => {
    for (const [name, result] of written) {
      const $ = site.page(addressOf(name));
      const hrefs = new Set($("article a").toArray().map((a) => $(a).attr("href")));
      const links = linksInMarkdown(result.body);
      expect(links.length, name).toBeGreaterThan(1);
      for (const link of links) expect(hrefs.has(link) || hrefs.has(link.replace(/&/g, "&amp;")), `${name}: ${link}`).toBe(true);
    }
  });

  it("dates a feed entry's address by its publication time as the feed wrote it", () => {
    expect(site.files).toContain("reprints/2025/09/sample-tide-gauges-keep-a-longer-record-than-we-thought-1000110/index.html");
    // The Conversation's box gives no date: the reprint has the undated address.
    expect(addressOf("conversation-box.md")).toBe("/reprints/conversation-box/");
  });
});
