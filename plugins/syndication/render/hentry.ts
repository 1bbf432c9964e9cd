/**
 * Microformats for IndieWeb readers: the `<article>` that holds a reprint's banner becomes an
 * `h-entry`; the banner's credit is its `u-repost-of` (an `h-cite` of the original).
 */

import { applyEdits, attributes, startTags, type Edit } from "./tags.js";

/** How a built page shows the banner's element. */
const BANNER = 'class="syndication-banner';

/**
 * The `<article>` element that holds the banner: where its start tag opens, and where its end
 * tag opens (-1 when the page never closes it). Undefined without a banner inside an article.
 */
export function articleAround(html: string): { open: number; close: number } | undefined {
  const at = html.indexOf(BANNER);
  if (at < 0) return undefined;
  const open = html.lastIndexOf("<article", at);
  if (open < 0 || html.slice(open, at).includes("</article")) return undefined;
  return { open, close: html.indexOf("</article", at) };
}

/** Does an element of the page have the class `h-entry`? (Its start tags read in one pass.) */
function hasEntry(html: string): boolean {
  if (!/h-entry/i.test(html)) return false;
  for (const tag of startTags(html, /<([a-z][a-z0-9-]*)(?=[\s/>])/gi)) {
    const classes = attributes(tag.text).get("class");
    if (classes !== undefined && classes.toLowerCase().split(/[ \t\n\f\r]+/).includes("h-entry")) return true;
  }
  return false;
}

/** An `<article>` start tag at `at`, with its attributes. */
const ARTICLE = /<article\b([^>]*)>/iy;

/**
 * The edit that marks the article around the banner as an h-entry: its start tag with the class
 * added. None where the page already has an h-entry, or no article holds the banner.
 */
export function entryEdit(html: string): Edit | undefined {
  if (hasEntry(html)) return undefined;
  const open = articleAround(html)?.open;
  if (open === undefined) return undefined;
  ARTICLE.lastIndex = open;
  const tag = ARTICLE.exec(html);
  if (!tag) return undefined;
  const attrs = tag[1]!;
  // class="a", class='a' or class=a.
  const classAttr = /(?<![\w-])class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(attrs);
  const value = classAttr ? (classAttr[1] ?? classAttr[2] ?? classAttr[3])! : undefined;
  const newAttrs = classAttr
    ? attrs.replace(classAttr[0], `class="h-entry ${value!.replace(/"/g, "&quot;")}"`.replace(/ "$/, '"'))
    : `${attrs} class="h-entry"`;
  return { start: open, end: open + tag[0].length, text: `<article${newAttrs}>` };
}

/** Mark the article around the banner as an h-entry, unless the page already has one. */
export function markEntry(html: string): string {
  const edit = entryEdit(html);
  return edit ? applyEdits(html, [edit]) : html;
}
