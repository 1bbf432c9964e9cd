import { beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Eleventy from "@11ty/eleventy";
import MarkdownIt from "markdown-it";
import * as cheerio from "cheerio";
import syndication from "../../plugins/syndication/index.js";
import type { SyndicationOptions } from "../../plugins/syndication/index.js";

// The banner reaches a Markdown reprint through the site's Markdown library, at render time: the
// page's content carries it (its page, collections' templateContent, feeds), while the text
// Eleventy keeps of the file (`rawInput`) is the file's own, not a second copy with the banner.
const FILES: Record<string, string> = {
  "_includes/page.njk": `<!DOCTYPE html><html lang="en"><head><title>{{ title }}</title></head><body><article>{{ content | safe }}</article></body></html>\n`,
  // A layout written in Markdown: rendered with the page's data too, it must not add a second banner.
  "_includes/notes.md": `---\nlayout: page.njk\n---\n{{ content }}\n\nA note from the layout.\n`,
  "reprints/top.md": `---\ntitle: Top\nlayout: page.njk\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/top\n  licence: permission\n  published: 2021-12-14\n---\nThe top story's first paragraph.\n\nIts second.\n`,
  "reprints/bottom.md": `---\ntitle: Bottom\nlayout: page.njk\nsyndication:\n  source: bottom\n  originalUrl: https://wire.example.com/bottom\n  published: 2021-12-15\n  excerpt: true\n---\nThe bottom story's only paragraph.\n`,
  "reprints/in-md-layout.md": `---\ntitle: In a Markdown layout\nlayout: notes.md\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/md-layout\n  licence: permission\n  published: 2021-12-16\n---\nA story in a Markdown layout.\n`,
  "reprints/paged.md": `---\ntitle: Paged\nlayout: page.njk\npagination:\n  data: parts\n  size: 1\nparts: [one, two]\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/paged\n  licence: permission\n  published: 2021-12-17\n---\nPart {{ pagination.items[0] }}.\n`,
  "reprints/nunjucks.njk": `---\ntitle: Nunjucks\nlayout: page.njk\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/njk\n  licence: permission\n  published: 2021-12-18\n---\n<p>A story written in Nunjucks.</p>\n`,
  "list.njk": `---\npermalink: /list/\n---\n{% for item in collections.all | reprints %}<section data-url="{{ item.url }}">{{ item.templateContent | safe }}</section>{% endfor %}\n`,
};

const OPTIONS: SyndicationOptions = { lockFile: false, sources: { bottom: { name: "Bottom Wire", licence: "permission", bannerPosition: "bottom" } } };

function writeSite(files: Record<string, string>): string {
  const input = mkdtempSync(join(tmpdir(), "syndication-render-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(input, path)), { recursive: true });
    writeFileSync(join(input, path), text);
  }
  return input;
}

interface JsonPage {
  url: string;
  inputPath: string;
  rawInput: string;
  content: string;
}

async function pages(input: string, config: (eleventyConfig: any) => void = () => {}): Promise<Map<string, JsonPage>> {
  const elev = new Eleventy(input, join(input, "_site"), {
    quietMode: true,
    configPath: false,
    config(eleventyConfig: any) {
      config(eleventyConfig);
      eleventyConfig.addPlugin(syndication, OPTIONS);
    },
  });
  elev.disableLogger();
  const json = (await elev.toJSON()) as unknown as JsonPage[];
  return new Map(json.map((page) => [page.url, page]));
}

const banners = (html: string) => cheerio.load(html)(".syndication-banner").length;

describe("the banner, added where Markdown renders the page", () => {
  let site: Map<string, JsonPage>;
  beforeAll(async () => {
    site = await pages(writeSite(FILES));
  });

  it("is at the top of a Markdown reprint's content, while the text Eleventy keeps is the file's own", () => {
    const page = site.get("/reprints/2021/12/top/")!;
    expect(page.rawInput).toBe("The top story's first paragraph.\n\nIts second.\n");
    const $ = cheerio.load(page.content);
    expect($("article").children().first().is(".syndication-banner")).toBe(true);
    expect(banners(page.content)).toBe(1);
    expect($("article > p").first().text()).toBe("The top story's first paragraph.");
  });

  it("is at the bottom where the publisher asks, after an excerpt's closing link", () => {
    const page = site.get("/reprints/2021/12/bottom/")!;
    expect(page.rawInput).not.toContain("syndication");
    const children = cheerio.load(page.content)("article").children().toArray().map((e) => cheerio.load(e).root().children().first().attr("class") ?? e.tagName);
    expect(children).toEqual(["p", "syndication-read-more", "syndication-banner"]);
  });

  it("is in the content every reuse prints: a listing of templateContent has each reprint's", () => {
    const $ = cheerio.load(site.get("/list/")!.content);
    for (const url of ["/reprints/2021/12/top/", "/reprints/2021/12/bottom/", "/reprints/2021/12/in-md-layout/", "/reprints/2021/12/nunjucks/"]) {
      expect($(`section[data-url="${url}"] .syndication-banner`).length, url).toBe(1);
    }
  });

  it("is there once in a Markdown layout, on each page of a paginated reprint, and in a Nunjucks reprint", () => {
    const inLayout = site.get("/reprints/2021/12/in-md-layout/")!.content;
    expect(banners(inLayout)).toBe(1);
    expect(inLayout).toContain("A note from the layout.");
    for (const url of ["/reprints/2021/12/paged/", "/reprints/2021/12/paged/1/"]) expect(banners(site.get(url)!.content), url).toBe(1);
    expect(cheerio.load(site.get("/reprints/2021/12/nunjucks/")!.content)("article").children().first().is(".syndication-banner")).toBe(true);
  });
});

describe("a Markdown library of the site's own", () => {
  it("that drops raw HTML still shows the banner as HTML: it is added to what the library renders", async () => {
    const { "reprints/paged.md": _paged, "list.njk": _list, ...files } = FILES;
    const site = await pages(writeSite(files), (c) => c.setLibrary("md", new MarkdownIt({ html: false })));
    const page = site.get("/reprints/2021/12/top/")!;
    expect(cheerio.load(page.content)("article > .syndication-banner a").attr("href")).toBe("https://wire.example.com/top");
    expect(page.content).not.toContain("&lt;div");
  });

  it("shared by two builds in one process gives each page one banner", async () => {
    const md = new MarkdownIt({ html: true });
    for (let build = 0; build < 2; build++) {
      const site = await pages(writeSite(FILES), (c) => c.setLibrary("md", md));
      for (const url of ["/reprints/2021/12/top/", "/reprints/2021/12/bottom/", "/reprints/2021/12/paged/"]) expect(banners(site.get(url)!.content), `${url} in build ${build + 1}`).toBe(1);
    }
    // What the library renders for other callers is its own.
    expect(md.render("*x*", {})).toBe("<p><em>x</em></p>\n");
  });
});
