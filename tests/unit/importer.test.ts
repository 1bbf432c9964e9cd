import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { escapeMarkdown, importText, readArticle, readCredit } from "../../plugins/syndication/intake/importer.js";

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

describe("readArticle", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it("takes UTF-8 text, with or without a byte-order mark", () => {
    expect(readArticle(bytes("A story.\n"))).toEqual({ text: "A story.\n" });
    // The mark is dropped, as TextDecoder drops it.
    expect(readArticle(bytes("\uFEFFA story.\n"))).toEqual({ text: "A story.\n" });
  });

  it.each([
    ["an empty file", new Uint8Array(), "is empty: there is no article to import"],
    ["white space only", bytes(" \n\t\r\n"), "is only white space: there is no article to import"],
    ["a binary file", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), "is not UTF-8 text (a binary file, or another encoding): save the article as UTF-8 text"],
    ["valid UTF-8 with NUL bytes", bytes("PK\u0003\u0004\u0000\u0000text"), "is not plain text: it holds U+0003, a control character no article has (a binary file?)"],
    ["UTF-16", Uint8Array.from([0xff, 0xfe, 0x41, 0x00]), "is UTF-16 text: save it as UTF-8 and import it again"],
    ["Latin-1", Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), "is not UTF-8 text (a binary file, or another encoding): save the article as UTF-8 text"],
  ])("refuses %s", (_, input, problem) => {
    expect(readArticle(input)).toEqual({ problem });
  });
});
