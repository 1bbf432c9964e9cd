import { describe, expect, it } from "vitest";
import { build, fixture, jsonLd, words } from "../helpers.js";
import syndication from "../../plugins/syndication/index.js";

describe("bannerPosition bottom, per-locale wording, site-wide noindex, no JSON-LD, another prefix", async () => {
  const site = await build(fixture("banner-bottom"), {
    plugin: {
      bannerPosition: "bottom",
      indexing: "noindex",
      jsonLd: false,
      permalinkPrefix: "/syndicated/",
      locales: {
        fr: { permission: "Cet article a d'abord été publié par {source} et est reproduit avec autorisation." },
      },
    },
    // Adding the plugin a second time must not double anything.
    config: (eleventyConfig) => eleventyConfig.addPlugin(syndication, { bannerPosition: "top" }),
  });

  it("puts the banner after the body, once", () => {
    const $ = site.page("/syndicated/2022/08/english/");
    const children = $("main").children().toArray();
    expect(children.map((c) => $(c).text().trim()).slice(0, 2)).toEqual(["First paragraph.", "Last paragraph."]);
    expect($(children[children.length - 1]).hasClass("syndication-banner")).toBe(true);
    expect($(".syndication-banner").length).toBe(1);
    expect($('meta[name="robots"]').length).toBe(1);
  });

  it("uses the wording of the page's language, falling back from fr-CA to fr", () => {
    const $ = site.page("/syndicated/2022/08/francais/");
    expect(words($(".syndication-credit").text())).toBe(
      "Cet article a d'abord été publié par Radio-Canada et est reproduit avec autorisation.",
    );
    expect($(".syndication-credit a").attr("href")).toBe("https://ici.radio-canada.ca/nouvelle/1");
  });

  it("says noindex without a canonical, and writes no JSON-LD when told not to", () => {
    const $ = site.page("/syndicated/2022/08/english/");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($('link[rel="canonical"]').length).toBe(0);
    expect(jsonLd($)).toEqual([]);
  });
});

describe("bannerPosition none with the shortcode, another folder, data key and collection name", async () => {
  const site = await build(fixture("banner-manual"), {
    plugin: {
      bannerPosition: "none",
      reprintsDir: "articles",
      dataKey: "credit",
      collectionName: "reprintsByDate",
      wording: { permission: "First published by {source}; reprinted by permission." },
      now: () => new Date("2025-06-01T00:00:00Z"),
    },
  });

  it("places the banner only where the layout's shortcode asks, with the site's wording", () => {
    const $ = site.page("/reprints/manual/");
    expect($(".body .syndication-banner").length).toBe(0);
    expect(words($(".credit .syndication-credit").text())).toBe("First published by Example Wire; reprinted by permission.");
  });

  it("gives the shortcode nothing to print on an ordinary page", () => {
    expect(site.page("/")(".shortcode-here").text()).toBe("[]");
  });

  it("prints no banner through the shortcode once the reprint has ended", () => {
    const $ = site.page("/reprints/2020/01/expired/");
    expect($(".syndication-banner").length).toBe(0);
    expect($(".body .syndication-tombstone").length).toBe(1);
  });

  it("exposes the normalised data under the chosen key, with a status from the given clock", () => {
    expect(site.page("/reprints/manual/")(".via").text()).toBe("Example Wire (live)");
    expect(site.page("/reprints/2020/01/expired/")(".via").text()).toBe("Example Wire (expired)");
  });

  it("names the collection as configured, and leaves the expired reprint out of it", () => {
    const $ = site.page("/");
    expect($(".item").toArray().map((p) => $(p).text())).toEqual(["/reprints/manual/"]);
  });
});
