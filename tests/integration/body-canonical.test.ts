import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { feedPlugin } from "@11ty/eleventy-plugin-rss";
import { build } from "../helpers.js";

// A reprint has one canonical, the plugin's, to the original: one written in the article's
// Markdown (an imported page's own tag, or a hostile one pointing elsewhere) or in the layout's
// body is removed, from the page and from the feed's copy of the content alike.
const LAYOUT = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title><link rel="canonical" href="https://site.example{{ page.url }}"></head>
<body><link rel="canonical" href="https://layout.example/body"><article>{{ content | safe }}</article></body></html>
`;
const REPRINT = `---
title: A reprint with canonicals of its own
layout: page.njk
syndication:
  source: Example Wire
  originalUrl: https://wire.example.com/original
  licence: permission
  published: 2021-12-14
---
The first paragraph.

<link rel="canonical" href="https://evil.example/elsewhere">

The second paragraph, with an inline <LINK REL="Canonical" HREF="https://evil.example/inline"> tag
and a <link rel="stylesheet" href="/kept.css"> that stays.
`;

describe("a canonical written in a reprint's body", () => {
  it("is removed: the page has only the plugin's, to the original, and the feed's content none", async () => {
    const input = mkdtempSync(join(tmpdir(), "syndication-canonical-"));
    mkdirSync(join(input, "reprints"));
    mkdirSync(join(input, "_includes"));
    writeFileSync(join(input, "_includes", "page.njk"), LAYOUT);
    writeFileSync(join(input, "reprints", "story.md"), REPRINT);
    const site = await build(input, {
      plugin: { collectionName: "syndicated" },
      config: (eleventyConfig: any) =>
        eleventyConfig.addPlugin(feedPlugin, {
          type: "atom",
          outputPath: "/feed.xml",
          collection: { name: "syndicated", limit: 10 },
          metadata: { language: "en", title: "Reprints", base: "https://site.example/", author: { name: "Site" } },
        }),
    });
    const $ = site.page("/reprints/2021/12/story/");
    expect($('link[rel~="canonical" i]').toArray().map((l) => $(l).attr("href"))).toEqual(["https://wire.example.com/original"]);
    expect($('head link[rel="canonical"]').length).toBe(1);
    // The article is otherwise as written.
    expect($("article p").toArray().map((p) => $(p).text().replace(/\s+/g, " ").trim())).toEqual([
      expect.stringContaining("This article was originally published by Example Wire"),
      "The first paragraph.",
      "The second paragraph, with an inline tag and a that stays.",
    ]);
    expect($('link[rel="stylesheet"]').attr("href")).toBe("/kept.css");

    const feed = cheerio.load(site.raw("/feed.xml"), { xml: true });
    const content = cheerio.load(feed("entry content").text());
    expect(content("link").toArray().map((l) => content(l).attr("rel"))).toEqual(["stylesheet"]);
    expect(content("p").length).toBeGreaterThan(2);
  });
});
