import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import * as cheerio from "cheerio";
import { readRepublishHtml, recognise } from "../../plugins/syndication/intake/intake.js";
import { creativeCommonsId, institutionIn, personFromLine } from "../../plugins/syndication/intake/intake-fields.js";
import { bodyDigest } from "../../plugins/syndication/reprint/digest.js";
import { linksInMarkdown } from "../../plugins/syndication/render/links.js";
import { PRESETS } from "../../plugins/syndication/reprint/presets.js";
import { fixture } from "../helpers.js";

const sample = (name: string) => readFileSync(`${fixture("intake")}/${name}`, "utf8");
/** The body as Eleventy's markdown-it renders it (raw HTML allowed, as Eleventy's default is). */
const rendered = (markdown: string) => cheerio.load(new MarkdownIt({ html: true }).render(markdown));

describe("The Conversation's republish box (sample)", async () => {
  const result = await readRepublishHtml(sample("the-conversation-box.html"));
  const { frontMatter, body } = result;

  it("finds the headline, the publisher by its address, the original, the authors with their institutions and the counter", () => {
    expect(frontMatter.title).toBe("Sample: how a republish box becomes a reprint");
    expect(result.publisher).toEqual({ key: "the-conversation", name: "The Conversation" });
    expect(frontMatter.syndication).toEqual({
      source: "the-conversation",
      originalUrl: "https://theconversation.com/sample-how-a-republish-box-becomes-a-reprint-1000003",
      author: [
        { name: "Jane Sample", affiliation: "University of Exampleton" },
        { name: "Omar Placeholder", affiliation: "Institute of Fixtures" },
      ],
      pixel: "https://counter.theconversation.com/content/1000003/count.gif?distributor=republish-lightbox-basic",
      // The photograph's own rights, from its caption's source and licence links.
      images: [
        {
          src: "https://images.theconversation.com/files/500001/original/file-sample-1.jpg?ixlib=rb-4.1.0&q=45&auto=format&w=754&fit=clip",
          credit: "Sample Photographer/Example Agency",
          licence: "CC-BY-4.0",
        },
      ],
      digest: bodyDigest(body),
    });
  });

  it("leaves the licence to the publisher (the credit names no particular licence) and asks only for the date, which the box never gives", () => {
    expect(frontMatter.syndication.licence).toBeUndefined();
    expect(result.problems).toEqual([
      {
        field: "syndication.published",
        flag: "--published",
        message: "is missing: the HTML gives no date for the original: give --published",
        required: false,
      },
    ]);
  });

  it("keeps every link of the article, and none of the credit's or the byline's", () => {
    expect(linksInMarkdown(body).sort()).toEqual(
      [
        "https://www.example.org/photos/newspapers",
        "http://creativecommons.org/licenses/by/4.0/",
        "https://www.example.org/reprint-survey",
        "https://www.example.org/reports/links?year=2024&page=2",
        "https://www.example.org/guidelines",
        "https://www.example.org/one",
        "https://doi.org/10.0000/sample.0001",
        "https://www.example.org/last",
      ].sort(),
    );
    const $ = rendered(body);
    expect($('a[href="https://www.example.org/reports/links?year=2024&page=2"]').text()).toBe("second part of the report");
  });

  it("takes the credit line, the counter, the bylines and the headline out of the body", () => {
    const text = rendered(body).root().text();
    for (const gone of ["republished from", "original article", "Senior Lecturer", "Jane Sample", "how a republish box becomes"]) expect(text).not.toContain(gone);
    expect(body).not.toContain("counter.theconversation.com");
    expect(body).not.toContain("theconversation.com/profiles");
    expect(body.startsWith("![A sample photograph")).toBe(true);
    expect(rendered(body)("p").last().text()).toBe("The last paragraph of the article, with a last link.");
  });

  it("keeps text that looks like markup as text", () => {
    const $ = rendered(body);
    const paragraph = $("p").filter((_, p) => $(p).text().startsWith("Some of it"));
    expect(paragraph.text()).toBe("Some of it looks like markup but is text: a headline with *stars*, a footnote [1], a formula 2 < 3 & 5 > 4, and the tag <b> written out.");
    expect(paragraph.find("b")).toHaveLength(0);
    expect(paragraph.find("em").text()).toBe("looks");
  });

  it("keeps headings, quotations and lists, and says what it left out (the embedded video)", () => {
    const $ = rendered(body);
    expect($("h2").text()).toBe("What the box carries");
    expect($("blockquote a").attr("href")).toBe("https://www.example.org/guidelines");
    expect($("ul > li")).toHaveLength(2);
    expect($("iframe")).toHaveLength(0);
    expect(result.notes).toEqual([
      "left out an embedded iframe (https://www.youtube.com/embed/SAMPLE000?wmode=transparent&start=0): embeds are not kept; add it by hand if its rights allow",
    ]);
  });
});

describe("ProPublica's republish box (sample)", async () => {
  const result = await readRepublishHtml(sample("propublica-box.html"));
  const { frontMatter, body } = result;

  it("finds the original from the canonical link, the date from the byline and the author", () => {
    expect(frontMatter.title).toBe("Sample: a story republished from a box");
    expect(frontMatter.syndication).toMatchObject({
      source: "propublica",
      originalUrl: "https://www.propublica.org/article/sample-story-republished-from-a-box",
      published: "2023-07-01T06:00-04:00",
      author: "Sam Example",
    });
  });

  it("reports the PixelPing script, which a reprint does not run, as the missing pixel ProPublica requires", () => {
    expect(frontMatter.syndication.pixel).toBeUndefined();
    expect(result.problems).toEqual([
      {
        field: "syndication.pixel",
        flag: "--pixel",
        message:
          "is missing: the HTML counts readers with a script (https://pixel.propublica.org/pixel.js), which a reprint does not run; the script only adds the image https://pixel.propublica.org/pixel.gif?key=<your reprint's address, URL-encoded>, which the plugin shows instead: give --pixel",
        required: true,
      },
    ]);
    expect(body).not.toContain("pixel.js");
    expect(rendered(body)("script")).toHaveLength(0);
  });

  it("takes the credit sentence out but keeps the newsletter line after it, and every link of the story", () => {
    expect(body.startsWith("Sign up for [Dispatches](https://www.propublica.org/newsletters/dispatches), a newsletter")).toBe(true);
    expect(body).not.toContain("originally published");
    expect(body).not.toContain("Sam Example");
    expect(linksInMarkdown(body).sort()).toEqual(
      [
        "https://www.propublica.org/newsletters/dispatches",
        "https://www.example.org/report.pdf",
        "https://projects.propublica.org/sample-database/",
        "https://www.example.org/court/filing(2023)",
        "https://www.example.org/first",
      ].sort(),
    );
    expect(rendered(body)("ol > li")).toHaveLength(2);
  });

  it("takes the pixel from --pixel, and then asks for nothing", async () => {
    const pixel = "https://pixel.propublica.org/pixel.gif?key=sample";
    const given = await readRepublishHtml(sample("propublica-box.html"), { given: { pixel } });
    expect(given.frontMatter.syndication.pixel).toBe(pixel);
    expect(given.problems).toEqual([]);
    expect(given.body).toBe(body);
  });
});

describe("readRepublishHtml on other HTML", () => {
  it("names the flag for every field it cannot find, and which ones the reprint cannot do without", async () => {
    const { frontMatter, problems } = await readRepublishHtml("<p>Just a paragraph, from nowhere.</p>");
    expect(frontMatter).toEqual({ syndication: { digest: bodyDigest("Just a paragraph, from nowhere.") } });
    expect(problems.map((p) => [p.field, p.flag, p.required])).toEqual([
      ["syndication.source", "--source", true],
      ["syndication.originalUrl", "--url", true],
      ["syndication.licence", "--licence", true],
      ["syndication.published", "--published", false],
      ["syndication.author", "--author", false],
      ["title", "--title", false],
    ]);
    expect(problems[1]!.message).toBe("is missing: the HTML has no link to the original article: give --url");
    expect(problems[4]!.message).toBe('is missing: the HTML names no author: give --author "Name (Institution)"');
  });

  it("recognises a publisher of the sources option by its address, and reads a rel=license link and a dated credit", async () => {
    const sources = { wire: { name: "Example Wire", url: "https://wire.example/", licence: "permission" as const, rules: { pixel: true } } };
    const html = `<h1>Wire story</h1>
      <p>By <a rel="author" href="https://wire.example/staff/ann">Ann Author</a> · <time datetime="2024-02-29">29 February 2024</time></p>
      <p>The text, with <a href="/relative/path">a relative link</a>.</p>
      <figure><img src="https://img.wire.example/a.jpg" alt="x"><figcaption><a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA</a></figcaption></figure>
      <p>This story was first published by <a href="https://news.wire.example/2024/story">Example Wire</a> under a <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a> licence.</p>
      <img src="https://news.wire.example/hit.gif?id=9" width="1" height="1" alt="">`;
    const result = await readRepublishHtml(html, { sources });
    expect(result.frontMatter).toMatchObject({
      title: "Wire story",
      syndication: {
        source: "wire",
        originalUrl: "https://news.wire.example/2024/story",
        licence: "CC-BY-4.0", // the credit's licence, not the photograph's
        published: "2024-02-29",
        author: "Ann Author",
        pixel: "https://news.wire.example/hit.gif?id=9",
      },
    });
    expect(result.problems).toEqual([]);
    // A relative link is read against the original's address.
    expect(linksInMarkdown(result.body)).toContain("https://news.wire.example/relative/path");
    expect(result.body).not.toContain("first published");
  });

  it("writes a licence the SPDX list does not have as { name, url }", async () => {
    const html = `<p>Text.</p><p>Licensed under <a rel="license" href="https://creativecommons.org/licenses/by-nc-nd/3.0/us/">Creative Commons BY-NC-ND 3.0 United States</a>.</p>`;
    const { frontMatter } = await readRepublishHtml(html);
    expect(frontMatter.syndication.licence).toEqual({ name: "Creative Commons BY-NC-ND 3.0 United States", url: "https://creativecommons.org/licenses/by-nc-nd/3.0/us/" });
  });

  it("lets the command's flags win over the HTML, and a feed's fields fill what the HTML does not say", async () => {
    const html = `<link rel="canonical" href="https://theconversation.com/from-html-1"><h1>From the HTML</h1><p>Text.</p>`;
    const result = await readRepublishHtml(html, {
      given: { title: "From a flag" },
      fallback: { title: "From the feed", originalUrl: "https://theconversation.com/from-feed-2", published: "2025-01-02", authors: [{ name: "Feed Author", affiliation: "Feed University" }] },
    });
    expect(result.frontMatter.title).toBe("From a flag");
    expect(result.frontMatter.syndication).toMatchObject({
      source: "the-conversation",
      originalUrl: "https://theconversation.com/from-html-1",
      published: "2025-01-02",
      author: { name: "Feed Author", affiliation: "Feed University" },
    });
    expect(result.problems.map((p) => p.field)).toEqual(["syndication.pixel"]);
  });

  it("asks for each author's institution where the publisher requires it, naming the author", async () => {
    const html = `<link rel="canonical" href="https://theconversation.com/x-1"><p class="byline">By <a href="https://theconversation.com/profiles/no-institution-1">No Institution</a></p><p>Text.</p><img src="https://counter.theconversation.com/content/1/count.gif" width="1" height="1">`;
    const { problems } = await readRepublishHtml(html);
    expect(problems).toEqual([
      expect.objectContaining({ field: "syndication.published", required: false }),
      expect.objectContaining({ field: "syndication.author", required: true, message: 'No Institution has no institution, which The Conversation asks to credit: give --author "Name (Institution)"' }),
      expect.objectContaining({ field: "title", required: false }),
    ]);
  });

  it("refuses an original address a reader cannot open, and a date that is none", async () => {
    const html = `<link rel="canonical" href="http://localhost/story"><time datetime="2021-02-30">x</time><p>T</p>`;
    const { problems } = await readRepublishHtml(html, { given: { published: "next week" } });
    expect(problems.find((p) => p.field === "syndication.originalUrl")).toMatchObject({ message: "(http://localhost/story) points at this computer (localhost): give --url", required: true });
    expect(problems.find((p) => p.field === "syndication.published")).toMatchObject({ message: '"next week" is not a date: give --published', required: true });
  });

  it("marks text that a template engine would read as a tag", async () => {
    const { frontMatter, body } = await readRepublishHtml("<p>Write {{ name }} and {% raw %}.</p>");
    expect(frontMatter.templateEngineOverride).toBe("md");
    expect(body).toBe("Write {{ name }} and {% raw %}.\n");
  });

  it("takes out characters a page cannot carry, and keeps direction marks", async () => {
    const { frontMatter, body } = await readRepublishHtml("<h1>Ti\u0007tle \u202Bעברית\u202C</h1><p>a\u0000b\uFFFE c \u200Fd</p>");
    expect(frontMatter.title).toBe("Title \u202Bעברית\u202C");
    expect(body).toBe("ab c \u200Fd\n");
  });
});

describe("recognise", () => {
  const sources = {
    ...PRESETS,
    "the-conversation-uk": { extends: "the-conversation", name: "The Conversation UK", url: "https://theconversation.com/uk" },
    mine: { name: "Mine", url: "https://theconversation.com/" },
  };
  it("matches a host and its subdomains, and the longest path", () => {
    expect(recognise(["https://theconversation.com/uk/some-article-1"], sources)?.key).toBe("the-conversation-uk");
    expect(recognise(["https://counter.theconversation.com/content/1/count.gif"], sources)?.key).toBe("the-conversation");
    expect(recognise(["https://www.rferl.org/a/x.html"], sources)?.key).toBe("rferl");
    expect(recognise(["https://notrferl.org/a"], sources)).toBeUndefined();
    expect(recognise([undefined, "javascript:alert(1)", "https://www.voanews.com/a/1.html"], sources)?.key).toBe("voa");
  });
  it("prefers the site's own entry to a preset at the same address", () => {
    const own = { mine: { name: "Mine", url: "https://theconversation.com/" }, ...PRESETS };
    expect(recognise(["https://theconversation.com/x-1"], own)?.key).toBe("mine");
  });
});

describe("bylines and licences", () => {
  it.each([
    ["Senior Lecturer in Law, University of Exampleton", "University of Exampleton"],
    ["Professor of Ecology; Director of the Marine Science Institute, University of California, Santa Barbara", "University of California, Santa Barbara"],
    ["PhD Candidate, Information and Communication Technologies, Universitat Pompeu Fabra", "Universitat Pompeu Fabra"],
    ["Lecturer, UNSW Sydney", "UNSW Sydney"],
  ])("reads the institution of %j", (line, institution) => {
    expect(institutionIn(line)).toBe(institution);
  });

  it("reads a feed's author line as a name and an institution", () => {
    expect(personFromLine("Rebecca Sample, Professor of Ecology, University of Exampleton")).toEqual({ name: "Rebecca Sample", affiliation: "University of Exampleton" });
    expect(personFromLine("Plain Name")).toEqual({ name: "Plain Name" });
    expect(personFromLine("  ")).toBeUndefined();
  });

  it.each([
    ["https://creativecommons.org/licenses/by-nd/4.0/", "CC-BY-ND-4.0"],
    ["http://creativecommons.org/licenses/by-nc-nd/3.0/", "CC-BY-NC-ND-3.0"],
    ["https://creativecommons.org/licenses/by/4.0/legalcode", "CC-BY-4.0"],
    ["https://creativecommons.org/licenses/by-sa/2.0/uk/", "CC-BY-SA-2.0-UK"],
    // ProPublica's 3.0 United States port, which the SPDX list does not have: left to the link's own name.
    ["https://creativecommons.org/licenses/by-nc-nd/3.0/us/", undefined],
    ["https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"],
    ["https://creativecommons.org/publicdomain/mark/1.0/", "public-domain"],
    ["https://creativecommons.org/licenses/by/9.9/", undefined],
    ["https://example.org/licenses/by/4.0/", undefined],
  ])("reads the deed %s as %s", (href, id) => {
    expect(creativeCommonsId(href)).toBe(id);
  });
});
