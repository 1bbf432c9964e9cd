import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { HtmlValidate, FileSystemConfigLoader } from "html-validate";
import { buildDemo, jsonLd, ROOT, words } from "../helpers.js";

// The demo site, built by the README's own build script into a temporary folder.
describe("the demo site", async () => {
  const site = buildDemo();
  const URL = "/reprints/2021/12/putin-immediate-talks/";
  const ORIGINAL = "https://www.rferl.org/a/putin-immediate-talks-nato-security-guarantees/31609362.html";
  // The seed lives in ../shared beside the repository; a copy is kept for clones without it.
  const shared = join(ROOT, "..", "shared", "seed", "rferl-putin-talks.txt");
  const seedPath = existsSync(shared) ? shared : join(ROOT, "tests", "fixtures", "rferl-putin-talks.txt");
  const seed = readFileSync(seedPath, "utf8").trim().split("\n");

  it("builds", () => {
    expect(site.stderr).not.toMatch(/error/i);
    expect(site.status).toBe(0);
  });

  it("publishes the reprint at its permanent address from the original date", () => {
    expect(site.files).toContain("reprints/2021/12/putin-immediate-talks/index.html");
  });

  it("opens the article with the seed's own attribution line, produced from front matter", () => {
    const $ = site.page(URL);
    expect(words($(".syndication-banner .syndication-credit").text())).toBe(seed[0]);
    expect(words($(".syndication-banner .syndication-credit").text())).toBe(
      "This article was originally published by Radio Free Europe/Radio Liberty and is reprinted with permission.",
    );
    expect($(".syndication-banner a").attr("href")).toBe(ORIGINAL);
    // The body follows: the seed's paragraphs, in order, and not its first line again.
    const paragraphs = $("article.reprint > p:not(.byline)").toArray().map((p) => $(p).text());
    expect(paragraphs).toEqual(seed.slice(1).map((line) => line.trim()));
  });

  it("has one canonical, to the original, though the layout writes its own", () => {
    const $ = site.page(URL);
    expect($('link[rel="canonical"]').length).toBe(1);
    expect($('link[rel="canonical"]').attr("href")).toBe(ORIGINAL);
    expect($('meta[property="og:url"]').attr("content")).toBe(ORIGINAL);
  });

  it("describes the article in JSON-LD", () => {
    const [data] = jsonLd(site.page(URL));
    expect(data["@type"]).toBe("NewsArticle");
    expect(data.headline).toBe("Putin Reiterates Need For 'Immediate' Talks With NATO On Security Guarantees");
    expect(data.isBasedOn).toBe(ORIGINAL);
    expect(data.creditText).toBe(seed[0]);
    expect(data.datePublished).toBe("2021-12-14");
    expect(data.sourceOrganization).toEqual({
      "@type": "Organization",
      name: "Radio Free Europe/Radio Liberty",
      url: "https://www.rferl.org/",
    });
    // The notice RFE/RL's terms ask for, from the rferl preset, with the original's year.
    expect(data.copyrightNotice).toBe(
      "Copyright (c) 2021. RFE/RL, Inc. Reprinted with the permission of Radio Free Europe/Radio Liberty, 1201 Connecticut Ave NW, Ste 400, Washington DC 20036.",
    );
  });

  it("lists the reprint on the home page, and leaves ordinary pages' canonicals alone", () => {
    const home = site.page("/");
    expect(home(".reprint-list a").attr("href")).toBe(URL);
    expect(home('link[rel="canonical"]').attr("href")).toBe("https://reprints.example.org/");
    expect(site.page("/about/")('link[rel="canonical"]').attr("href")).toBe("https://reprints.example.org/about/");
  });

  it("publishes an Atom feed whose entries carry the banner and link to the reprint's own address", () => {
    const $ = cheerio.load(site.raw("/feed.xml"), { xml: true });
    const entries = $("entry").toArray();
    expect(entries).toHaveLength(1);
    const entry = $(entries[0]);
    expect(entry.find("link").attr("href")).toBe(`https://reprints.example.org${URL}`);
    const content = cheerio.load(entry.find("content").text());
    expect(words(content(".syndication-banner .syndication-credit").text())).toBe(seed[0]);
    expect(content(".syndication-banner a").attr("href")).toBe(ORIGINAL);
    // The content is the article, not a page: no head tags leak into it.
    expect(content('link[rel="canonical"], script').length).toBe(0);
    expect(content("p").eq(2).text()).toBe(seed[1]);
  });

  it("leaves reprints out of the sitemap, since their canonical is elsewhere", () => {
    const $ = cheerio.load(site.raw("/sitemap.xml"), { xml: true });
    // collections.all is in page-date order, which is file time for these pages: compare as a set.
    expect($("loc").toArray().map((l) => $(l).text()).sort()).toEqual([
      "https://reprints.example.org/",
      "https://reprints.example.org/about/",
    ]);
  });

  it("writes only valid HTML (html-validate, recommended rules)", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = site.files.filter((f) => f.endsWith(".html"));
    expect(pages).toEqual(["about/index.html", "index.html", "reprints/2021/12/putin-immediate-talks/index.html"]);
    for (const page of pages) {
      const report = await validator.validateString(site.raw(`/${page}`), join(ROOT, "_site", page));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });
});
