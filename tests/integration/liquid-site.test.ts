import { beforeAll, describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { build, fixture, jsonLd, words, type BuiltSite } from "../helpers.js";

// A Liquid site whose layout writes its canonical with other attribute order, quotes and
// rel tokens, and a reprint with no layout at all (so no <head> of its own).
let site: BuiltSite;
beforeAll(async () => {
  site = await build(fixture("liquid-site"), { plugin: { ogUrl: "local" } });
});

describe("a Liquid site", () => {
  it("gives the reprint its banner, credit and address", () => {
    const $ = site.page("/reprints/2024/11/liquid-reprint/");
    expect(words($("article .syndication-credit").text())).toBe(
      "This article by Grace Hopper was originally published by The Conversation and is republished under the " +
        "Creative Commons Attribution 4.0 International licence.",
    );
    expect($('a[rel="license"]').attr("href")).toBe("https://creativecommons.org/licenses/by/4.0/");
    expect($('article a[href="https://example.com/"]').text()).toBe("link");
  });

  it("replaces a canonical written as <link href=... rel='Canonical alternate' />", () => {
    const $ = site.page("/reprints/2024/11/liquid-reprint/");
    expect($("link").toArray().filter((l) => /canonical/i.test($(l).attr("rel") ?? ""))).toHaveLength(1);
    expect($('link[rel="canonical"]').attr("href")).toBe("https://theconversation.com/liquid-sample-1");
  });

  it("leaves og:url local when the ogUrl option says so", () => {
    const $ = site.page("/reprints/2024/11/liquid-reprint/");
    expect($('meta[property="og:url"]').attr("content")).toBe("https://example.net/reprints/2024/11/liquid-reprint/");
  });

  it("puts the head tags where a browser reads them when the page has no <head>", () => {
    const raw = site.raw("/reprints/no-layout/");
    expect(raw.startsWith('<link rel="canonical" href="https://wire.example.com/no-layout">')).toBe(true);
    // Parsed as a browser would: the tags land in the implied head, the banner in the body.
    const $ = cheerio.load(raw);
    expect($('head link[rel="canonical"]').attr("href")).toBe("https://wire.example.com/no-layout");
    expect($("head script[type='application/ld+json']").length).toBe(1);
    expect(words($("body .syndication-credit").text())).toBe(
      "This article was originally published by Example Wire and is reprinted with permission.",
    );
    expect(jsonLd($)[0].isBasedOn).toBe("https://wire.example.com/no-layout");
  });

  it("lists reprints in the collection from a Liquid template", () => {
    const $ = site.page("/");
    expect($("li").toArray().map((li) => words($(li).text()))).toEqual([
      "A reprint in a Liquid site 30 November 2024",
      "A reprint rendered without a layout",
    ]);
    expect(jsonLd($)).toEqual([]);
    expect($('link[rel~="canonical"]').attr("href")).toBe("https://example.net/");
  });
});
