import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { mf2 } from "microformats-parser";
import { join } from "node:path";
import { HtmlValidate, FileSystemConfigLoader } from "html-validate";
import MarkdownIt from "markdown-it";
import { SyndicationError } from "../../plugins/syndication/index.js";
import { build, cli, eleventyCli, fixture, jsonLd, pluginConfig, ROOT, words, type BuiltSite } from "../helpers.js";

// One build of a site that reprints a sample under each built-in preset (texts written for
// these tests), with no sources option: the presets are there by key.
let site: BuiltSite;
beforeAll(async () => {
  site = await build(fixture("presets-site"));
});

const RFERL = "/reprints/2021/12/rferl-sample/";
const CONVERSATION = "/reprints/2024/03/conversation-sample/";
const EXCERPT = "/reprints/2024/03/conversation-excerpt/";
const EDITED = "/reprints/2024/03/conversation-edited/";
const PROPUBLICA = "/reprints/2023/07/propublica-sample/";
const VOA = "/reprints/2024/02/voa-sample/";

/** The article's children in order: what a reader meets first, and last. */
const blocks = (url: string) => {
  const $ = site.page(url);
  return $("article > *")
    .toArray()
    .map((el) => $(el));
};

describe("rferl: a permanent link before the text, and RFE/RL's copyright notice", () => {
  it("credits RFE/RL with permission, linking the original, above the article's text", () => {
    const [, banner, first] = blocks(RFERL);
    expect(banner!.hasClass("syndication-banner")).toBe(true);
    expect(words(banner!.find(".syndication-credit").text())).toBe(
      "This article was originally published by Radio Free Europe/Radio Liberty and is reprinted with permission.",
    );
    expect(banner!.find(".syndication-credit a").attr("href")).toBe("https://www.rferl.org/a/sample-reprint-under-preset/00000001.html");
    expect(first!.text()).toMatch(/^SAMPLE TEXT/);
  });

  it("keeps the notice RFE/RL's terms give, with the year of the original", () => {
    const notice =
      "Copyright (c) 2021. RFE/RL, Inc. Reprinted with the permission of Radio Free Europe/Radio Liberty, 1201 Connecticut Ave NW, Ste 400, Washington DC 20036.";
    const $ = site.page(RFERL);
    expect($(".syndication-copyright").text()).toBe(notice);
    const [data] = jsonLd($);
    expect(data.copyrightNotice).toBe(notice);
    expect(data.copyrightHolder).toEqual({ "@type": "Organization", name: "Radio Free Europe/Radio Liberty", url: "https://www.rferl.org/" });
  });
});

describe("the-conversation: CC BY-ND 4.0, authors and institutions, the page counter", () => {
  it("credits each author with their institution, and The Conversation with a link back, at the top", () => {
    const [, byline, banner] = blocks(CONVERSATION);
    expect(byline!.text()).toBe("By Jane Sample (University of Exampleton) and Omar Placeholder (Institute of Fixtures)");
    expect(words(banner!.find(".syndication-credit").text())).toBe(
      "This article by Jane Sample (University of Exampleton) and Omar Placeholder (Institute of Fixtures) is republished from " +
        "The Conversation under the Creative Commons Attribution No Derivatives 4.0 International licence.",
    );
    expect(banner!.find('a[rel="license"]').attr("href")).toBe("https://creativecommons.org/licenses/by-nd/4.0/");
  });

  it("gives the authors' institutions to machines too (JSON-LD Person.affiliation)", () => {
    const [data] = jsonLd(site.page(CONVERSATION));
    expect(data.author).toEqual([
      { "@type": "Person", name: "Jane Sample", affiliation: { "@type": "Organization", name: "University of Exampleton" } },
      { "@type": "Person", name: "Omar Placeholder", affiliation: { "@type": "Organization", name: "Institute of Fixtures" } },
    ]);
    expect(data.license).toBe("https://creativecommons.org/licenses/by-nd/4.0/");
  });

  it("renders the counter image declared in front matter once, after the text, with no text for screen readers", () => {
    const $ = site.page(CONVERSATION);
    const pixel = $('img[src="https://counter.theconversation.com/content/100001/count.gif?distributor=republish-lightbox-basic"]');
    expect(pixel).toHaveLength(1);
    expect(pixel.attr("alt")).toBe("");
    expect($("article > *").last().is(pixel)).toBe(true);
    // Written for image transforms to leave alone; without one, nothing of that reaches the page.
    expect(site.raw(CONVERSATION)).not.toContain("eleventy:ignore");
    expect(site.raw(PROPUBLICA)).not.toContain("eleventy:ignore");
  });

  it("marks an excerpt as one, and ends it with the link The Conversation asks for", () => {
    const parts = blocks(EXCERPT);
    const banner = parts.find((p) => p.hasClass("syndication-banner"))!;
    expect(words(banner.find(".syndication-credit").text())).toMatch(/^This is an excerpt\. This article by Jane Sample \(University of Exampleton\) is republished from The Conversation/);
    // Last comes the counter; just before it, the way to the whole article.
    const readMore = parts.at(-2)!;
    expect(readMore.text()).toBe("Read the full article on The Conversation.");
    expect(readMore.find("a").attr("href")).toBe("https://theconversation.com/sample-excerpt-under-preset-100002");
    // A whole reprint has no such link.
    expect(site.page(CONVERSATION)(".syndication-read-more")).toHaveLength(0);
  });

  it("builds a reprint edited since import when the front matter says what changed, and tells readers", () => {
    const file = readFileSync(fixture("presets-site/reprints/conversation-edited.md"), "utf8");
    const [, digest] = /digest: (\S+)/.exec(file)!;
    // The recorded digest is of the text as received, which said "Yesterday"; the page says "On March 6".
    const received = "SAMPLE TEXT, written for this project's tests. Yesterday the council met.";
    expect(digest).toBe(`sha256-${createHash("sha256").update(received).digest("base64")}`);
    const $ = site.page(EDITED);
    expect($("article p").filter((_, el) => $(el).text().startsWith("SAMPLE")).text()).toContain("On March 6 the council met.");
    expect($(".syndication-banner .syndication-changes").text()).toBe(
      'Changes made here: "Yesterday" became "On March 6", as the terms allow for time references.',
    );
  });
});

describe("propublica: the credit line, every link, the PixelPing image", () => {
  it("opens with ProPublica's line, the word ProPublica linked to the original, and names the licence", () => {
    const [, , banner] = blocks(PROPUBLICA);
    expect(words(banner!.text())).toBe(
      "This story was originally published by ProPublica. It is republished under the Creative Commons Attribution Non Commercial No Derivatives 3.0 Unported licence.",
    );
    expect(banner!.find("a").first().text()).toBe("ProPublica");
    expect(banner!.find("a").first().attr("href")).toBe("https://www.propublica.org/article/sample-reprint-under-preset");
  });

  it("keeps every link of the story: inline, reference, autolink and HTML", () => {
    const $ = site.page(PROPUBLICA);
    const hrefs = $("article a").toArray().map((a) => $(a).attr("href"));
    for (const url of [
      "https://www.example.org/report.pdf",
      "https://www.example.org/data.csv",
      "https://www.example.org/autolink",
      "https://www.example.org/html-link?a=1&b=2",
    ]) {
      expect(hrefs).toContain(url);
    }
  });

  it("builds a story whose text has images, code, comments and brackets in addresses, keeping its one real link", () => {
    const $ = site.page("/reprints/2023/08/propublica-tricky/");
    expect($("article a[href='https://en.wikipedia.org/wiki/Foo_(bar)']")).toHaveLength(1);
    // The Markdown image is the pixel: the plugin does not add another.
    expect($('img[src="https://pixel.propublica.org/pixel.gif?sample=4"]')).toHaveLength(1);
    expect($(".syndication-pixel")).toHaveLength(0);
  });

  it("does not add a second pixel when the body already has it", () => {
    expect(site.page(PROPUBLICA)('img[src="https://pixel.propublica.org/pixel.gif?sample=1"]')).toHaveLength(1);
  });
});

describe("voa: public domain", () => {
  it("says so, with no licence link", () => {
    const $ = site.page(VOA);
    expect(words($(".syndication-credit").text())).toBe(
      "This article was originally published by Voice of America and is in the public domain.",
    );
    expect($('a[rel="license"]')).toHaveLength(0);
    expect(jsonLd($)[0].license).toBeUndefined();
  });
});

describe("microformats", () => {
  it("makes each reprint's article an h-entry that reposts an h-cite of the original", () => {
    const html = site.raw(CONVERSATION);
    const parsed = mf2(html, { baseUrl: "https://example.com/" });
    const entry = parsed.items.find((item) => item.type?.includes("h-entry"))!;
    expect(entry).toBeDefined();
    const [cite] = entry.properties["repost-of"] as any[];
    expect(cite.type).toEqual(["h-cite"]);
    expect(cite.properties.url).toEqual(["https://theconversation.com/sample-reprint-under-preset-100001"]);
    expect(cite.properties.name).toEqual(["Sample: a reprint under The Conversation preset"]);
    expect(cite.properties.author).toEqual(["Jane Sample", "Omar Placeholder"]);
    expect(cite.properties.published).toEqual(["2024-03-05"]);
    expect(cite.properties.publication).toEqual(["The Conversation"]);
  });

  it("keeps the article's own classes", () => {
    expect(site.page(RFERL)("article").attr("class")).toBe("h-entry story");
  });
});

describe("every page", () => {
  it("is valid HTML (html-validate, recommended rules)", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = site.files.filter((f) => f.endsWith(".html"));
    expect(pages).toHaveLength(7);
    for (const page of pages) {
      const report = await validator.validateString(site.raw(`/${page}`), join(ROOT, "_site", page));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });
});

describe("rules broken", () => {
  it("fails the build with one report: institutions, counter, edits, excerpts and the year", () => {
    const run = eleventyCli("presets-broken", "tests/fixtures/plugin.config.ts");
    expect(run.status).not.toBe(0);
    const lines = run.stderr.split("\n").filter((l) => l.includes("presets-broken/reprints/"));
    const dir = "tests/fixtures/presets-broken/reprints";
    expect(lines.map((l) => l.replace(/^\[11ty\] /, "").split("  ").slice(0, 2).join("  "))).toEqual([
      `${dir}/conversation-edited.md:9  syndication.digest`,
      `${dir}/conversation-no-credit.md:3  syndication.pixel`,
      `${dir}/conversation-no-credit.md:7  syndication.author`,
      `${dir}/propublica-excerpt.md:8  syndication.excerpt`,
      `${dir}/rferl-undated.md:3  syndication.published`,
    ]);
    expect(run.stderr).toContain("and The Conversation allows no edits, undo the edit, or say what changed in syndication.changes");
    expect(run.stderr).toContain('names "Jane Sample" without an institution, which The Conversation asks for');
    expect(run.stderr).toContain("ProPublica allows its stories to be reprinted whole only");
    expect(run.stderr).toContain("is missing, and the copyright notice of Radio Free Europe/Radio Liberty needs the year of the original ({year})");
    // A field that is missing is not said to come from a data file.
    expect(run.stderr).not.toContain("set in a data file");
    expect(run.site.files).toEqual([]);
  });

  it("warns, and builds, when a reprint whose publisher only asks for no edits was edited without a note", () => {
    const run = eleventyCli("presets-edited", "tests/fixtures/plugin.config.ts");
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      "warning: tests/fixtures/presets-edited/reprints/rferl-edited.md:7  syndication.digest  does not match the text any more: the article was edited after it was imported, undo the edit",
    );
    expect(run.site.files).toEqual(["reprints/2021/12/rferl-edited/index.html"]);
    // The command says the same, and passes.
    const checked = cli(["check", fixture("presets-edited"), "--config", pluginConfig()]);
    expect(checked.status).toBe(0);
    expect(checked.stderr + checked.stdout).toContain(
      "warning: tests/fixtures/presets-edited/reprints/rferl-edited.md:7  syndication.digest  does not match the text any more",
    );
    expect((checked.stderr + checked.stdout).split("\n").filter((line) => line.endsWith("[no-edits]"))).toHaveLength(1);
  });

  it("tells a script which stage failed: data (nothing written) or rendered pages (written)", async () => {
    const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as SyndicationError);
    const data = await failure(build(fixture("presets-broken")));
    expect(data).toBeInstanceOf(SyndicationError);
    expect(data!.stage).toBe("data");
    const rendered = await failure(
      build(fixture("presets-html-off"), { config: (c) => c.setLibrary("md", new MarkdownIt({ html: false })) }),
    );
    expect(rendered).toBeInstanceOf(SyndicationError);
    expect(rendered!.stage).toBe("rendered");
    expect(rendered!.problems.map((p) => p.field)).toEqual(["content", "syndication.pixel"]);
  });

  it("names an image transform that replaced the plugin's pixel with a local copy", async () => {
    // A transform that, unlike eleventy-img's, does not honour eleventy:ignore (it runs before the plugin's).
    const local = (c: any) =>
      c.addTransform("local-images", (html: string) => html.replace(/(class="syndication-pixel" src=")[^"]*/, "$1/img/counter.gif"));
    const error = await build(fixture("presets-site"), { config: local }).then(() => undefined, (e: unknown) => e as SyndicationError);
    expect(error).toBeInstanceOf(SyndicationError);
    expect(error!.stage).toBe("rendered");
    const [problem] = error!.problems.filter((p) => p.file.endsWith("conversation-sample.md"));
    expect(problem!.message).toBe(
      'is not on the built page: an image transform replaced the tracking image "https://counter.theconversation.com/content/100001/count.gi…" with "/img/counter.gif", so readers\' views are not counted',
    );
    expect(problem!.fix).toContain("eleventy-img's transform skips an <img> with the eleventy:ignore attribute, which the plugin writes");
  });

  it("fails when the rendered page lost a link or the pixel of a publisher that requires them", () => {
    // This site's Markdown drops raw HTML: the body's HTML link and pixel never reach the page.
    const run = eleventyCli("presets-html-off", "tests/fixtures/html-off.config.ts");
    expect(run.status).not.toBe(0);
    const file = "tests/fixtures/presets-html-off/reprints/propublica-html.md";
    expect(run.stderr).toContain(
      `${file}:1  content  lost 1 of the story's links on the way to the page ("https://www.example.org/dropped"), and ProPublica asks that every link be kept`,
    );
    expect(run.stderr).toContain(`${file}:7  syndication.pixel  is not on the built page`);
    expect(run.stderr).toContain("the pages were written but break their publishers' terms: do not publish them.");
    expect(run.stderr).toContain('removed the tracking image "https://pixel.propublica.org/pixel.gif?sample=3"');
    // And it says why the banner is not there either.
    expect(run.stderr).toContain("shows its attribution banner as escaped text: the Markdown library does not allow HTML");
  });
});
