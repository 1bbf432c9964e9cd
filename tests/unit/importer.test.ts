import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { escapeMarkdown, importText, readCredit } from "../../plugins/syndication/importer.js";
import { fileSlug } from "../../plugins/syndication/project.js";

describe("readCredit", () => {
  it.each([
    ["This article was originally published by Radio Free Europe/Radio Liberty and is reprinted with permission.", { source: "Radio Free Europe/Radio Liberty", licence: "permission" }],
    ["This article is republished from The Conversation under a Creative Commons license. Read the original article.", { source: "The Conversation", creativeCommonsUnnamed: true }],
    ["This article is republished from The Conversation under a CC BY-ND 4.0 license.", { source: "The Conversation", licence: "CC-BY-ND-4.0" }],
    ["This article is republished from The Conversation under a Creative Commons Attribution-NoDerivatives 4.0 International licence.", { source: "The Conversation", licence: "CC-BY-ND-4.0" }],
    ["This story was originally published by ProPublica.", { source: "ProPublica" }],
    ["This article was originally published by The Wire and is republished under a Creative Commons license.", { source: "The Wire", creativeCommonsUnnamed: true }],
    ["This article was originally published on The Conversation. Read the original article.", { source: "The Conversation" }],
  ])("reads %j", (line, credit) => {
    expect(readCredit(line)).toEqual(credit);
  });

  it("reads no credit from the first line of an article", () => {
    expect(readCredit("Russian President Vladimir Putin has again called for talks.")).toBeUndefined();
  });
});

describe("importText", () => {
  it("drops the credit line and keeps paragraphs, one a line or blank-line separated", () => {
    expect(importText("This story was originally published by ProPublica.\r\nOne.\r\nTwo.\r\n")).toEqual({
      credit: { source: "ProPublica" },
      body: "One.\n\nTwo.\n",
    });
    expect(importText("First line\ncontinues.\n\nSecond.").body).toBe("First line continues.\n\nSecond.\n");
  });
});

describe("escapeMarkdown", () => {
  // What a reader sees must be the text as sent: render each paragraph and compare its text.
  const md = new MarkdownIt({ html: true });
  const rendered = (paragraph: string) =>
    md
      .render(escapeMarkdown(paragraph))
      .replace(/<[^>]+>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .trim();
  it.each([
    "1. First point, not a list",
    "2021) A year, not a list",
    "# Not a heading",
    "- not a list",
    "---",
    "=== not a heading underline",
    "> not a quote",
    "*not emphasis* and _not either_",
    "~~not struck~~",
    "Fish &amp; chips &copy; 2021",
    "<script>alert(1)</script> stays text",
    "[not a link](https://example.com)",
    "`not code`",
    "Back\\slash",
  ])("keeps %j as text", (paragraph) => {
    expect(rendered(paragraph)).toBe(paragraph);
  });
});

describe("fileSlug", () => {
  it("follows Eleventy: no extension, no leading date, the folder's name for an index", () => {
    expect(fileSlug("src/reprints/2024-01-02-dated.md")).toBe("dated");
    expect(fileSlug("src/reprints/story/index.md")).toBe("story");
    expect(fileSlug("src/reprints/plain.md")).toBe("plain");
  });
});
