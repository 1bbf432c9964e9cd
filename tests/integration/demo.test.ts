import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jsonLd, ROOT, site as readSite, words } from "../helpers.js";

// The demo site, built by the README's own build script into a temporary folder.
describe("the demo site", async () => {
  const output = mkdtempSync(join(tmpdir(), "syndication-demo-"));
  const run = spawnSync("npm", ["run", "build", "--", `--output=${output}`], { cwd: ROOT, encoding: "utf8" });
  const site = readSite(output);
  const URL = "/reprints/2021/12/putin-immediate-talks/";
  const ORIGINAL = "https://www.rferl.org/a/putin-immediate-talks-nato-security-guarantees/31609362.html";
  // The seed lives in ../shared beside the repository; a copy is kept for clones without it.
  const shared = join(ROOT, "..", "shared", "seed", "rferl-putin-talks.txt");
  const seedPath = existsSync(shared) ? shared : join(ROOT, "tests", "fixtures", "rferl-putin-talks.txt");
  const seed = readFileSync(seedPath, "utf8").trim().split("\n");

  it("builds", () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
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
    expect(data.copyrightNotice).toMatch(/^Copyright \(c\) 2021 RFE\/RL, Inc\./);
  });

  it("lists the reprint on the home page, and leaves ordinary pages' canonicals alone", () => {
    const home = site.page("/");
    expect(home(".reprint-list a").attr("href")).toBe(URL);
    expect(home('link[rel="canonical"]').attr("href")).toBe("https://reprints.example.org/");
    expect(site.page("/about/")('link[rel="canonical"]').attr("href")).toBe("https://reprints.example.org/about/");
  });
});
