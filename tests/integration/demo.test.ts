import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { HtmlValidate, FileSystemConfigLoader } from "html-validate";
import { buildDemo, jsonLd, ROOT, words } from "../helpers.js";

// The samples beside the RFE/RL reprint: one under each other preset, and one from a publisher with
// a licence of its own. Their texts were written for the demo; each credit is the one its terms ask.
interface Sample {
  url: string;
  original: string;
  credit: string;
  pixel?: string;
  changes?: string;
}
const SAMPLES: Record<"conversation" | "propublica" | "voa" | "custom", Sample> = {
  conversation: {
    url: "/reprints/2024/03/sample-conversation-library-loans/",
    original: "https://theconversation.com/sample-town-library-loan-records-900001",
    credit:
      "This article by Jane Sample (University of Exampleton) and Omar Placeholder (Institute of Demonstrations) is republished " +
      "from The Conversation under the Creative Commons Attribution No Derivatives 4.0 International licence.",
    pixel: "https://counter.theconversation.example/content/900001/count.gif?distributor=republish-lightbox-basic",
  },
  propublica: {
    url: "/reprints/2023/07/sample-propublica-water-bills/",
    original: "https://www.propublica.org/article/sample-city-water-bills",
    credit:
      "This story was originally published by ProPublica. It is republished under the " +
      "Creative Commons Attribution Non Commercial No Derivatives 3.0 Unported licence.",
    pixel: "https://pixel.propublica.example/pixel.gif?sample=demo",
  },
  voa: {
    url: "/reprints/2024/02/sample-voa-river-ferry/",
    original: "https://www.voanews.com/a/sample-river-ferry-century/9000003.html",
    credit: "This article was originally published by Voice of America and is in the public domain.",
  },
  custom: {
    url: "/reprints/2024/06/sample-press-pilot-boats/",
    original: "https://press.example/news/sample-pilot-boats",
    credit:
      "This article by Ana Placeholder was originally published by Example Harbour Press and is republished under " +
      "the Example Harbour Press reprint licence.",
    changes: `Changes made here: The original's "this week" became "in June".`,
  },
};
const EXPIRED = "/reprints/2023/05/sample-press-harbour-dredging/";
const WITHDRAWN = "/reprints/2024/08/sample-press-ferry-fares/";

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

  it("publishes the RFE/RL reprint at its permanent address from the original date", () => {
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

  it("lists the live reprints on the home page, newest original first, with their publishers and licences", () => {
    const home = site.page("/");
    const rows = home(".reprint-list tbody tr")
      .toArray()
      .map((tr) => home(tr).find("td").toArray().map((td) => words(home(td).text())));
    expect(rows).toEqual([
      ["Sample: The harbour's new pilot boats enter service", "Example Harbour Press", "the Example Harbour Press reprint licence", "12 June 2024"],
      ["Sample: What a town library's loan records say about how its readers change", "The Conversation", "CC BY-ND 4.0", "5 March 2024"],
      ["Sample: A river ferry that has run every day for a century", "Voice of America", "Public domain", "1 February 2024"],
      ["Sample: How a city's water bills are set, and who checks them", "ProPublica", "CC BY-NC-ND 3.0", "1 July 2023"],
      ["Putin Reiterates Need For 'Immediate' Talks With NATO On Security Guarantees", "Radio Free Europe/Radio Liberty", "Reprinted with permission", "14 December 2021"],
    ]);
    expect(home(".reprint-list tbody tr td:first-child a").toArray().map((a) => home(a).attr("href"))).toEqual([
      SAMPLES.custom.url,
      SAMPLES.conversation.url,
      SAMPLES.voa.url,
      SAMPLES.propublica.url,
      URL,
    ]);
    // A licence with an address links it: the Creative Commons deeds, the publisher's own licence.
    expect(home(".reprint-list td:nth-child(3) a").toArray().map((a) => home(a).attr("href"))).toEqual([
      "https://press.example/reprint-licence",
      "https://creativecommons.org/licenses/by-nd/4.0/",
      "https://creativecommons.org/licenses/by-nc-nd/3.0/",
    ]);
    // The ended ones are listed apart, each with why it is no longer shown.
    expect(home(".ended-list li").toArray().map((li) => words(home(li).text()))).toEqual([
      "Sample: Harbour dredging to start next month Example Harbour Press, expired 30 June 2023",
      "Sample: Ferry fares to rise in the autumn Example Harbour Press, withdrawn 2 September 2024",
    ]);
    expect(home(".ended-list a").toArray().map((a) => home(a).attr("href"))).toEqual([EXPIRED, WITHDRAWN]);
  });

  it("leaves ordinary pages' canonicals alone", () => {
    expect(site.page("/")('link[rel="canonical"]').attr("href")).toBe("https://reprints.example.org/");
    expect(site.page("/about/")('link[rel="canonical"]').attr("href")).toBe("https://reprints.example.org/about/");
  });

  it.each(Object.entries(SAMPLES))("shows the %s sample, marked as one, under its publisher's credit", (_, sample) => {
    const $ = site.page(sample.url);
    expect($("h1").text()).toMatch(/^Sample: /);
    expect(words($(".syndication-banner .syndication-credit").text())).toBe(sample.credit);
    expect($(".syndication-credit a.u-url").attr("href")).toBe(sample.original);
    expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual([sample.original]);
    // The banner comes first in the article, then the text, which says it is a sample.
    const after = $(".syndication-banner").nextAll("p").first().text();
    expect(after).toMatch(/^SAMPLE TEXT, written for this demo: it is not /);
    expect(words($(".syndication-changes").text())).toBe(sample.changes ?? "");
    // A publisher that requires its counter gets it, from a reserved name that nobody answers.
    expect($("img.syndication-pixel").toArray().map((img) => $(img).attr("src"))).toEqual(sample.pixel ? [sample.pixel] : []);
    for (const img of $("img").toArray()) expect(new globalThis.URL($(img).attr("src")!).hostname).toMatch(/\.example$/);
  });

  it.each([
    [EXPIRED, "https://press.example/news/sample-harbour-dredging", undefined],
    [WITHDRAWN, "https://press.example/news/sample-ferry-fares", "Withdrawn at the publisher's request: the fares were not confirmed."],
  ])("shows, at %s, the notice of an ended reprint instead of its text", (url, original, note) => {
    const $ = site.page(url);
    expect(words($(".syndication-tombstone > p").first().text())).toBe(
      "This article is no longer available here. It was originally published by Example Harbour Press, where you can read it.",
    );
    expect($(".syndication-tombstone a").attr("href")).toBe(original);
    expect($(".syndication-withdrawal-note").text() || undefined).toBe(note);
    expect($(".syndication-banner").length + jsonLd($).length).toBe(0);
    expect($("main").text()).not.toContain("SAMPLE TEXT");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual([original]);
  });

  it("publishes an Atom feed whose entries carry the banner and link to the reprint's own address", () => {
    const $ = cheerio.load(site.raw("/feed.xml"), { xml: true });
    // The live reprints, newest original first; the ended ones are not in it.
    const links = $("entry > link").toArray().map((l) => $(l).attr("href"));
    expect(links).toEqual([SAMPLES.custom.url, SAMPLES.conversation.url, SAMPLES.voa.url, SAMPLES.propublica.url, URL].map((u) => `https://reprints.example.org${u}`));
    for (const entry of $("entry").toArray()) {
      expect(cheerio.load($(entry).find("content").text())(".syndication-banner .syndication-credit").length).toBe(1);
    }
    const entry = $($("entry").toArray().at(-1));
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
    expect(pages).toEqual([
      "about/index.html",
      "index.html",
      "reprints/2021/12/putin-immediate-talks/index.html",
      "reprints/2023/05/sample-press-harbour-dredging/index.html",
      "reprints/2023/07/sample-propublica-water-bills/index.html",
      "reprints/2024/02/sample-voa-river-ferry/index.html",
      "reprints/2024/03/sample-conversation-library-loans/index.html",
      "reprints/2024/06/sample-press-pilot-boats/index.html",
      "reprints/2024/08/sample-press-ferry-fares/index.html",
    ]);
    for (const page of pages) {
      const report = await validator.validateString(site.raw(`/${page}`), join(ROOT, "_site", page));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });
});
