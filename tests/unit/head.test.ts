import { describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { attributes, rewriteHead } from "../../plugins/syndication/render/head.js";
import { entryEdit, markEntry } from "../../plugins/syndication/render/hentry.js";
import { unmarkEdits, unmarkImages } from "../../plugins/syndication/render/links.js";

const plan = { originalUrl: "https://o.example/a?b=1&c=2", indexing: "canonical" as const, ogUrlToOriginal: true };

describe("rewriteHead", () => {
  it("replaces every canonical, whatever its quoting, case or attribute order", () => {
    const html = `<html><head><LINK REL=CANONICAL HREF=/x><link href='/y' rel="alternate canonical"/>\n<link rel="stylesheet" href="/s.css"></head><body></body></html>`;
    const $ = cheerio.load(rewriteHead(html, plan));
    expect($("link").toArray().map((l) => $(l).attr("rel"))).toEqual(["stylesheet", "canonical"]);
    expect($('link[rel="canonical"]').attr("href")).toBe("https://o.example/a?b=1&c=2");
  });

  it("points og:url at the original, or leaves it when asked", () => {
    const html = `<head><meta property="og:url" content="https://local/x"></head>`;
    expect(rewriteHead(html, plan)).toContain(`<meta property="og:url" content="https://o.example/a?b=1&amp;c=2">`);
    expect(rewriteHead(html, { ...plan, ogUrlToOriginal: false })).toContain(`content="https://local/x"`);
  });

  it("replaces robots tags only when it says noindex", () => {
    const html = `<head><meta name="robots" content="index"></head>`;
    expect(rewriteHead(html, plan)).toContain(`content="index"`);
    const noindex = cheerio.load(rewriteHead(html, { ...plan, indexing: "noindex" }));
    expect(noindex('meta[name="robots"]').toArray().map((m) => noindex(m).attr("content"))).toEqual(["noindex"]);
    expect(noindex('link[rel="canonical"]').length).toBe(0);
    const both = cheerio.load(rewriteHead(html, { ...plan, indexing: "both" }));
    expect(both('link[rel="canonical"]').length).toBe(1);
    expect(both('meta[name="robots"]').attr("content")).toBe("noindex");
  });

  it("leaves the rest of the document as it was, but for a canonical in it", () => {
    const body = `<body><link rel="stylesheet" href="/s.css"><p>text</p><meta property="og:url" content="/x"></body>`;
    const html = `<!doctype html><html><head data-x=">"><title>T</title></head>${body}</html>`;
    const out = rewriteHead(html, { ...plan, extra: "<!--extra-->" });
    const head = `<!doctype html><html><head data-x=">"><title>T</title><link rel="canonical" href="https://o.example/a?b=1&amp;c=2">\n<!--extra-->\n</head>`;
    expect(out).toBe(`${head}${body}</html>`);
    // A canonical written in the article or the layout's body would be a second one: it goes.
    const twice = `<!doctype html><html><head><title>T</title></head><body><p>a</p><LINK HREF="https://evil.example/" REL="Canonical" />\n<p>b</p><link rel='nofollow canonical' href=/y></body></html>`;
    const $ = cheerio.load(rewriteHead(twice, plan));
    expect($('link[rel~="canonical" i]').toArray().map((l) => $(l).attr("href"))).toEqual(["https://o.example/a?b=1&c=2"]);
    expect($("body").html()).toBe("<p>a</p><p>b</p>");
    // Without a <head> too.
    expect(rewriteHead(`<p>x</p><link rel="canonical" href="/z">`, plan)).toBe(`<link rel="canonical" href="https://o.example/a?b=1&amp;c=2">\n<p>x</p>`);
  });

  it("puts the tags after the doctype and <html> when there is no <head>", () => {
    expect(rewriteHead(`<!DOCTYPE html>\n<html lang="en"><p>x</p>`, plan)).toBe(
      `<!DOCTYPE html>\n<html lang="en">\n<link rel="canonical" href="https://o.example/a?b=1&amp;c=2">\n<p>x</p>`,
    );
    expect(rewriteHead(`<p>x</p>`, plan)).toBe(`<link rel="canonical" href="https://o.example/a?b=1&amp;c=2">\n<p>x</p>`);
  });

  it("makes the h-entry mark and the image edits in the same pass, as if each were made in turn", () => {
    const page = `<!doctype html><html><head>\n<link rel="canonical" href="/x">\n<meta property="og:url" content="/x">\n</head>\n<body><article class="post"><div class="syndication-banner">Credit</div>\n<p>Text <img eleventy:ignore class="syndication-pixel" src="https://p.example/1.gif" alt=""></p><link rel=canonical href=/y>\n</article></body></html>`;
    const oneByOne = rewriteHead(markEntry(unmarkImages(page)), plan);
    expect(rewriteHead(page, plan, [...unmarkEdits(page), entryEdit(page)!])).toBe(oneByOne);
    const $ = cheerio.load(oneByOne);
    expect($("article").attr("class")).toBe("h-entry post");
    expect($("img").attr("eleventy:ignore")).toBeUndefined();
    expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual(["https://o.example/a?b=1&c=2"]);
    // An image inside another tag's attribute is text, not a tag: the edits of both are not made twice.
    const nested = `<head></head><img eleventy:ignore alt="<link rel=canonical href=/z>" src=a>`;
    expect(rewriteHead(nested, plan, unmarkEdits(nested))).toBe(`<head><link rel="canonical" href="https://o.example/a?b=1&amp;c=2">\n</head><img alt="<link rel=canonical href=/z>" src=a>`);
  });

  it("reads attributes of a start tag", () => {
    expect([...attributes(`<meta Property='og:url' content="a b" data-x=y hidden>`)]).toEqual([
      ["property", "og:url"],
      ["content", "a b"],
      ["data-x", "y"],
      ["hidden", ""],
    ]);
  });
});
