import { describe, expect, it } from "vitest";
import { build, eleventyCli, fixture, jsonLd, words } from "../helpers.js";

describe("Eleventy features beside reprints", async () => {
  const site = await build(fixture("edge-site"));

  it("leaves a page with dynamicPermalink: false alone", () => {
    expect(site.files).toContain("about/index.html");
    expect(site.page("/about/")('link[rel="canonical"]').attr("href")).toBe("https://edge.example/about/");
  });

  it("does not touch data of pages that are not reprints, even under the plugin's data key", () => {
    expect(site.page("/")(".own").text()).toBe("my own reprint value");
  });

  it("numbers the pages of a paginated reprint, each with the banner and the canonical", () => {
    const pages = ["/reprints/2020/02/paged/", "/reprints/2020/02/paged/1/", "/reprints/2020/02/paged/2/"];
    expect(pages.map((p) => site.page(p)("main > p:not(.date)").last().text())).toEqual(["Part one.", "Part two.", "Part three."]);
    for (const p of pages) {
      const $ = site.page(p);
      expect($(".syndication-banner").length).toBe(1);
      expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual(["https://wire.example.com/paged"]);
    }
  });

  it("files an unquoted YAML timestamp under the publisher's own day, and says the same day", () => {
    const $ = site.page("/reprints/2021/12/late-night/");
    expect($(".date").text()).toBe("2021-12-31T23:30:00.000-05:00 | 31 December 2021");
    expect(jsonLd($)[0].datePublished).toBe("2021-12-31T23:30:00.000-05:00");
  });

  it("reads a date-time without an offset as UTC", () => {
    expect(site.page("/reprints/2021/12/no-offset/")(".date").text()).toBe("2021-12-31T23:30:00.000Z | 31 December 2021");
  });

  it("reads a YAML timestamp written with a space, and licence and license that agree", () => {
    const $ = site.page("/reprints/2021/12/spaced/");
    expect($(".date").text()).toBe("2021-12-14T10:00:00.000Z | 14 December 2021");
    expect($('a[rel="license"]').attr("href")).toBe("https://creativecommons.org/licenses/by/4.0/");
  });

  it("writes hostile values as text, and the original URL exactly as validated, in every link", () => {
    const url = 'https://wire.example.com/a/"quoted"/<angle>?q={{x}}&amp=1#שלום';
    const $ = site.page("/reprints/2001/12/hostile/");
    expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual([url]);
    expect($(".syndication-credit a").first().attr("href")).toBe(url);
    expect($(".syndication-credit a").first().text()).toBe("<script>alert(1)</script> {{ 'Wire' }} إذاعة");
    expect($('a[rel="license"]').text()).toBe("Licence </p> & {% raw %}");
    expect($(".syndication-copyright").text()).toBe('(c) <Wire> & "friends"');
    expect($("script:not([type])").length).toBe(0);
    const [data] = jsonLd($);
    expect(data.isBasedOn).toBe(url);
    expect(data.headline).toBe("Headline with </script><!-- and {{ braces }}, and عربي");
    expect(data.author.map((a: { name: string }) => a.name)).toEqual(["A <b>bold</b> name", "{{ author }}"]);
    // The YAML spec's own timestamp: a space before the zone, and a zone of hours alone.
    expect($(".date").text()).toBe("2001-12-14T21:59:43.100-05:00 | 14 December 2001");
  });

  it("replaces the canonical of a layout that leaves out </head>", () => {
    const $ = site.page("/reprints/minified/");
    expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual(["https://wire.example.com/minified"]);
    expect(words($(".syndication-credit").text())).toBe(
      "This article was originally published by Example Wire and is reprinted with permission.",
    );
  });
});

describe("time zones", () => {
  // The same site built by the Eleventy command line on machines east and west of UTC.
  const buildIn = (tz: string) => {
    const run = eleventyCli("edge-site", "tests/fixtures/plugin.config.ts", { TZ: tz });
    expect(run.status).toBe(0);
    return run.site;
  };

  it("writes the same addresses, dates and JSON-LD in Kiritimati (UTC+14) and Anchorage (UTC-9)", () => {
    const east = buildIn("Pacific/Kiritimati");
    const west = buildIn("America/Anchorage");
    expect(east.files).toEqual(west.files);
    for (const file of east.files) expect(east.raw(`/${file}`)).toBe(west.raw(`/${file}`));
    expect(east.page("/reprints/2021/12/late-night/")(".date").text()).toBe("2021-12-31T23:30:00.000-05:00 | 31 December 2021");
  });
});
