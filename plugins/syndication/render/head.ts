import { escapeHtml } from "./escape.js";
import type { IndexingMode } from "../types.js";
import { afterLineBreak, applyEdits, attributes, startTags, tagRemovals, type Edit, type StartTag } from "./tags.js";

/** What a reprint page's head must say. */
export interface HeadPlan {
  originalUrl: string;
  indexing: IndexingMode;
  /** Point an existing og:url at the original (true) or leave it alone (false). */
  ogUrlToOriginal: boolean;
  /** Extra markup to add, such as the JSON-LD script. */
  extra?: string;
}

/** The tags the head rewrite reads: `<link>` and `<meta>`. */
const LINK_OR_META = /<(link|meta)(?=[\s/>])/gi;
const RELEVANT = /canonical|og:url|robots/i;
const HEAD_OPEN = /<(head)(?=[\s/>])/gi;
const HEAD_CLOSE = /<\/head\s*>/gi;
const BODY_OPEN = /<body[\s>]/gi;
const LINK = /<link/gi;
/** A page without `<head>`: the doctype and `<html>` start tag, after which the head's tags go. */
const DOCUMENT_START = /^(?:\s*<!doctype[^>]*>)?(?:\s*<html(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?>)?/i;

export { attributes };

const hasToken = (value: string | undefined, token: string) =>
  value !== undefined && value.toLowerCase().split(/\s+/).includes(token);

/** Does this markup have a `<head>` or `<html>` of its own (a whole page, not a fragment)? */
export function isDocument(html: string): boolean {
  return /<(?:head|html)[\s>]/i.test(html);
}

/** The tags the plugin writes into a reprint's head. */
export function headTags(plan: HeadPlan): string {
  const tags: string[] = [];
  if (plan.indexing !== "noindex") tags.push(`<link rel="canonical" href="${escapeHtml(plan.originalUrl)}">`);
  if (plan.indexing !== "canonical") tags.push(`<meta name="robots" content="noindex">`);
  if (plan.extra) tags.push(plan.extra);
  return tags.join("\n");
}

/** Is this start tag a canonical link? */
const isCanonical = (tag: StartTag) => tag.name === "link" && hasToken(attributes(tag.text).get("rel"), "canonical");

/** Where the first match of a global pattern at or after `from` starts, or -1. */
function search(html: string, pattern: RegExp, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

/** The removal of every `<link rel="canonical">` from `from` on (none looked for where no `<link` is). */
function canonicalRemovals(html: string, from: number): Edit[] {
  return search(html, LINK, from) < 0 ? [] : tagRemovals(html, LINK_OR_META, isCanonical, from);
}

/**
 * Markup without any `<link rel="canonical">`: a reprint's content in a feed. The plugin's
 * canonical, in the head, is a page's only one; one in the body would be a second, to wherever it
 * points. Other tags are left as they are.
 */
export function withoutCanonicals(html: string, edits: Edit[] = []): string {
  return applyEdits(html, [...edits, ...canonicalRemovals(html, 0)]);
}

/** The edits of the existing canonical, og:url and robots tags of the head, from `from` to `to`. */
function headTagEdits(html: string, from: number, to: number, plan: HeadPlan): Edit[] {
  const edits: Edit[] = [];
  for (const tag of startTags(html, LINK_OR_META, from, to)) {
    // Most tags of a head are none of these: leave them without reading their attributes.
    if (!RELEVANT.test(tag.text)) continue;
    const attrs = attributes(tag.text);
    let replacement: string | undefined;
    if (tag.name === "link") replacement = isCanonical(tag) ? "" : undefined;
    else if (attrs.get("name")?.toLowerCase() === "robots" && plan.indexing !== "canonical") replacement = "";
    else if (plan.ogUrlToOriginal && attrs.get("property")?.toLowerCase() === "og:url") {
      replacement = `<meta property="og:url" content="${escapeHtml(plan.originalUrl)}">`;
    }
    if (replacement === undefined) continue;
    // A tag taken out takes its line break with it.
    edits.push({ start: tag.start, end: replacement === "" ? afterLineBreak(html, tag.end, to) : tag.end, text: replacement });
  }
  return edits;
}

/**
 * The edits that give a page exactly one canonical (and the other head tags): a targeted edit of
 * its `<head>`, not a parse of the whole document. A page with no `<head>` gets the tags at the
 * start of the document, where an HTML parser places them in the implied head. A canonical
 * anywhere else in the page (a layout's body, the article's text) is removed.
 */
export function headEdits(html: string, plan: HeadPlan): Edit[] {
  const tags = headTags(plan);
  const open = startTags(html, HEAD_OPEN).next().value;
  if (open) {
    // `</head>` is optional in HTML (minifiers drop it): then the head ends where the body starts.
    let end = search(html, HEAD_CLOSE, open.end);
    if (end < 0) end = search(html, BODY_OPEN, open.end);
    if (end < 0) end = open.end;
    return [...headTagEdits(html, open.end, end, plan), { start: end, end, text: `${tags}\n` }, ...canonicalRemovals(html, end)];
  }
  const start = DOCUMENT_START.exec(html)![0].length;
  return [{ start, end: start, text: `${start > 0 ? "\n" : ""}${tags}\n` }, ...canonicalRemovals(html, start)];
}

/**
 * Give a page exactly one canonical (see `headEdits`), making other edits of the page (`edits`:
 * the h-entry mark, images) in the same pass: the page is copied once, into the page returned.
 */
export function rewriteHead(html: string, plan: HeadPlan, edits: Edit[] = []): string {
  return applyEdits(html, [...edits, ...headEdits(html, plan)]);
}
