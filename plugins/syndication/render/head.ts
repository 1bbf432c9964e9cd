import { escapeHtml } from "./escape.js";
import type { IndexingMode } from "../types.js";
import { attributes, startTags, withoutTags, type StartTag } from "./tags.js";

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
const HEAD_CLOSE = /<\/head\s*>/i;
const BODY_OPEN = /<body[\s>]/i;

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

/**
 * Markup without any `<link rel="canonical">`: the rest of a reprint page after its head (a
 * layout's body, the article's own text), and a reprint's content in a feed. The plugin's
 * canonical, in the head, is the page's only one; one in the body would be a second, to
 * wherever it points. Other tags are left as they are.
 */
export function withoutCanonicals(html: string): string {
  return /<link/i.test(html) ? withoutTags(html, LINK_OR_META, isCanonical) : html;
}

/** Rewrite the existing canonical, og:url and robots tags in a head's markup. */
function rewriteTags(head: string, plan: HeadPlan): string {
  let out = "";
  let last = 0;
  for (const tag of startTags(head, LINK_OR_META)) {
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
    const lineEnd = replacement === "" ? (head.startsWith("\r\n", tag.end) ? 2 : head[tag.end] === "\n" ? 1 : 0) : 0;
    out += head.slice(last, tag.start) + replacement;
    last = tag.end + lineEnd;
  }
  return out + head.slice(last);
}

/**
 * Give a page exactly one canonical (and the other head tags) with a targeted edit of its
 * `<head>`, not a parse of the whole document. A page with no `<head>` gets the tags at the
 * start of the document, where an HTML parser places them in the implied head. A canonical
 * anywhere else in the page (a layout's body, the article's text) is removed.
 */
export function rewriteHead(html: string, plan: HeadPlan): string {
  const tags = headTags(plan);
  const open = startTags(html, /<(head)(?=[\s/>])/gi).next().value;
  if (open) {
    const start = open.end;
    // `</head>` is optional in HTML (minifiers drop it): then the head ends where the body starts.
    const rest = html.slice(start);
    const closeMatch = HEAD_CLOSE.exec(rest) ?? BODY_OPEN.exec(rest);
    const end = closeMatch ? start + closeMatch.index : start;
    const head = rewriteTags(html.slice(start, end), plan);
    return `${html.slice(0, start)}${head}${tags}\n${withoutCanonicals(html.slice(end))}`;
  }
  const before = /^(?:\s*<!doctype[^>]*>)?(?:\s*<html(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?>)?/i.exec(html)![0];
  return `${before}${before ? "\n" : ""}${tags}\n${withoutCanonicals(html.slice(before.length))}`;
}
