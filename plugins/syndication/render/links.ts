/**
 * The links of an article body as received, and whether a rendered page still has them: some
 * publishers (ProPublica) ask that every link of a story be kept.
 */

import { createRequire } from "node:module";
import type MarkdownIt from "markdown-it";
import { articleAround } from "./hentry.js";
import { IMAGE_OPT_OUT } from "./banner.js";
import type Token from "markdown-it/lib/token.mjs";
import { applyEdits, attributes, startTags, type Edit, type StartTag } from "./tags.js";

/** Start tags by name, read in one pass (see tags.ts). */
const A = /<(a)(?=[\s/>])/gi;
const IMG = /<(img)(?=[\s/>])/gi;
const ANY = /<([a-z][a-z0-9-]*)(?=[\s/>])/gi;
/** The `src` of each `<img>` of some HTML, with the tag. */
function* images(html: string): Generator<{ tag: StartTag; src: string | undefined }> {
  for (const tag of startTags(html, IMG)) yield { tag, src: attributes(tag.text).get("src") };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };

/** Undo HTML escaping and percent-encoding, so `a&amp;b`, `a%20b` and `a b` compare equal. */
function comparable(url: string): string {
  const text = url.trim().replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** Only links to other pages count: not anchors in the page, not mail or telephone links. */
const isWebLink = (url: string) => /^https?:\/\//i.test(url.trim());

/** HTML's links, outside comments. */
function hrefsIn(html: string): string[] {
  const text = html.replace(/<!--[\s\S]*?(-->|$)/g, "");
  return [...startTags(text, A)].flatMap((tag) => attributes(tag.text).get("href") ?? []);
}

/** markdown-it, loaded when a publisher's rule first asks for a body's links: importing the plugin does not load it. */
const require = createRequire(import.meta.url);
let markdown: MarkdownIt | undefined;
const parser = () => (markdown ??= new (require("markdown-it") as typeof MarkdownIt)({ html: true }));

/**
 * The web links of a Markdown body (which may hold HTML), as CommonMark reads it: inline and
 * reference links, autolinks and HTML `<a href>`. Images, code, comments and escaped brackets
 * are not links. A link whose address holds a template tag (`{{`, `{%`) is left out: the
 * template engine writes its address.
 */
export function linksInMarkdown(body: string): string[] {
  const found: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === "link_open") found.push(token.attrGet("href") ?? "");
      else if (token.type === "html_block" || token.type === "html_inline") found.push(...hrefsIn(token.content));
      if (token.children) walk(token.children);
    }
  };
  walk(parser().parse(body, {}));
  return [...new Set(found.filter((url) => isWebLink(url) && !/\{[{%]/.test(url)).map((u) => u.trim()))];
}

/** The `href`s of a rendered page, comparable with the body's links. */
export function hrefsInHtml(html: string): Set<string> {
  const hrefs = new Set<string>();
  for (const tag of startTags(html, ANY)) {
    const href = attributes(tag.text).get("href");
    if (href !== undefined) hrefs.add(comparable(href));
  }
  return hrefs;
}

/**
 * The part of a built page that holds the article: the `<article>` around the banner, else the
 * `<body>`. A link elsewhere on the page (the canonical, the navigation) does not count.
 */
export function articleOf(html: string): string {
  const article = articleAround(html);
  if (article && article.close >= 0) return html.slice(article.open, article.close);
  const body = html.search(/<body\b/i);
  return body >= 0 ? html.slice(body) : html;
}

/** The body's links that the rendered article no longer has. */
export function missingLinks(bodyLinks: string[], html: string): string[] {
  const hrefs = hrefsInHtml(articleOf(html));
  return bodyLinks.filter((url) => !hrefs.has(comparable(url)));
}

/** Does the rendered page show an image from this address (the publisher's tracking pixel)? */
export function hasImage(html: string, url: string): boolean {
  const wanted = comparable(url);
  for (const { src } of images(html)) if (src !== undefined && comparable(src) === wanted) return true;
  return false;
}

/** Does the body as written already show this image, as HTML or as a Markdown image? */
export function bodyHasImage(body: string, url: string): boolean {
  if (hasImage(body, url)) return true;
  const wanted = comparable(url);
  for (const m of body.matchAll(/!\[[^\]\n]*\]\(\s*<?([^\s)>]+)/g)) if (comparable(m[1]!) === wanted) return true;
  return false;
}

/** The `<img>` tags of this address in HTML or a Markdown body, each marked for image transforms to leave alone. */
export function markImage(text: string, url: string): string {
  const wanted = comparable(url);
  let out = "";
  let last = 0;
  for (const { tag, src } of images(text)) {
    if (src === undefined || comparable(src) !== wanted || attributes(tag.text).has(IMAGE_OPT_OUT)) continue;
    out += `${text.slice(last, tag.start)}<img ${IMAGE_OPT_OUT}${tag.text.slice(4)}`;
    last = tag.end;
  }
  return out + text.slice(last);
}

/** The edits that take the opt-out attribute off images that no image transform read: it is not HTML. */
export function unmarkEdits(html: string): Edit[] {
  if (!html.includes(IMAGE_OPT_OUT)) return [];
  const edits: Edit[] = [];
  for (const { tag } of images(html)) {
    if (!attributes(tag.text).has(IMAGE_OPT_OUT)) continue;
    edits.push({ start: tag.start, end: tag.end, text: tag.text.replace(/(?<!\s)\s+eleventy:ignore(?:\s*=\s*(?:""|''))?(?=[\s/>])/gi, "") });
  }
  return edits;
}

/** Take the opt-out attribute off images that no image transform read. */
export function unmarkImages(html: string): string {
  return applyEdits(html, unmarkEdits(html));
}

/** The address an image transform gave the plugin's own pixel, if the page shows it under another. */
export function rewrittenPixel(html: string, url: string): string | undefined {
  const wanted = comparable(url);
  for (const { tag, src } of images(html)) {
    if (!(attributes(tag.text).get("class") ?? "").split(/[ \t\n\f\r]+/).includes("syndication-pixel")) continue;
    if (comparable(src ?? "") !== wanted) return src ?? "";
  }
  return undefined;
}

/** A Markdown image: `![alt](src)`, `![alt](<src> "title")`. */
const MARKDOWN_IMAGE = /!\[[^\]\n]*\]\(\s*<?([^\s)>]+)>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)/g;

/**
 * The images of a Markdown body (which may hold HTML), as CommonMark reads it: Markdown images and
 * HTML `<img src>`. An address that holds a template tag is left out: the template engine writes it.
 */
export function imagesInMarkdown(body: string): string[] {
  const found: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === "image") found.push(token.attrGet("src") ?? "");
      else if (token.type === "html_block" || token.type === "html_inline") for (const { src } of images(token.content)) found.push(src ?? "");
      if (token.children) walk(token.children);
    }
  };
  walk(parser().parse(body, {}));
  return [...new Set(found.map((u) => u.trim()).filter((url) => url !== "" && !/\{[{%]/.test(url)))];
}

/** Where each image of a Markdown body or of HTML ends, with its address: what follows an image goes there. */
export function imageEnds(text: string): Array<{ src: string; end: number }> {
  const ends = [...images(text)].flatMap(({ tag, src }) => (src !== undefined ? [{ src, end: tag.end }] : []));
  for (const m of text.matchAll(MARKDOWN_IMAGE)) ends.push({ src: m[1]!, end: m.index + m[0].length });
  return ends.sort((a, b) => a.end - b.end);
}

/** Do two image addresses name the same image, however each is escaped? */
export const sameAddress = (a: string, b: string): boolean => comparable(a) === comparable(b);
