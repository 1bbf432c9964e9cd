import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { around, aroundText } from "../../plugins/syndication/render/content.js";
import { placeAtRender, placeWithMarkdown, rendersMarkdown } from "../../plugins/syndication/eleventy/markdown.js";

describe("what stands around an article", () => {
  it("puts the banner first or last, the closing link and the pixel after the text", () => {
    expect(around("top", "B", "R", "P")).toEqual({ before: ["B"], after: ["R", "P"] });
    expect(around("bottom", "B", "R", "P")).toEqual({ before: [], after: ["R", "B", "P"] });
    expect(around("none", "B", undefined, "P")).toEqual({ before: [], after: ["P"] });
    // As Markdown text, each block a paragraph of its own.
    expect(aroundText("Text.", around("top", "<div>B</div>", "<p>R</p>"))).toBe("<div>B</div>\n\nText.\n\n<p>R</p>\n");
  });

  it("knows the pages Markdown renders last", () => {
    expect(["md", "liquid,md", "njk, md"].map(rendersMarkdown)).toEqual([true, true, true]);
    expect(["njk", "md,njk", "", undefined].map(rendersMarkdown)).toEqual([false, false, false, false]);
  });
});

describe("a Markdown library that places banners", () => {
  it("adds a page's blocks to what it renders with that page's data, once however often it is wrapped", () => {
    const md = new MarkdownIt();
    expect(placeWithMarkdown(md)).toBe(true);
    expect(placeWithMarkdown(md)).toBe(true);
    const data = { title: "T" };
    placeAtRender(data, around("bottom", "<div>B</div>"));
    expect(md.render("Text.", data)).toBe("<p>Text.</p>\n<div>B</div>\n");
    // Other data, or none, renders as the library does.
    expect(md.render("Text.", { ...data })).toBe("<p>Text.</p>\n");
    expect(md.render("Text.")).toBe("<p>Text.</p>\n");
  });

  it("works with any library that renders text, also asynchronously, and says when it cannot", async () => {
    const lib = { render: async (text: string, _env?: object) => `<p>${text}</p>` };
    expect(placeWithMarkdown(lib)).toBe(true);
    const data = {};
    placeAtRender(data, around("top", "<div>B</div>"));
    await expect(lib.render("x", data)).resolves.toBe("<div>B</div>\n<p>x</p>");
    expect(placeWithMarkdown({ parse() {} })).toBe(false);
    expect(placeWithMarkdown(undefined)).toBe(false);
  });
});
