import { escapeHtml } from "./escape.js";
import type { IndexingMode } from "./types.js";

/** What a reprint page's head must say. */
export interface HeadPlan {
  originalUrl: string;
  indexing: IndexingMode;
  /** Point an existing og:url at the original (true) or leave it alone (false). */
  ogUrlToOriginal: boolean;
  /** Extra markup to add, such as the JSON-LD script. */
  extra?: string;
}

/** A link or meta start tag, with the line break after it (dropped with the tag when it is removed). */
const TAG = /<(link|meta)\b(?:[^>"']|"[^"]*"|'[^']*')*>(\r?\n)?/gi;
const ATTR = /([^\s="'<>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const RELEVANT = /canonical|og:url|robots/i;
const HEAD_OPEN = /<head(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?>/i;
const HEAD_CLOSE = /<\/head\s*>/i;
const BODY_OPEN = /<body[\s>]/i;

/** The attributes of one start tag, names lower-cased. */
export function attributes(tag: string): Map<string, string> {
  const inner = tag.replace(/^<\w+/, "").replace(/\/?>$/, "");
  const map = new Map<string, string>();
  for (const m of inner.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!map.has(name)) map.set(name, m[2] ?? m[3] ?? m[4] ?? "");
  }
  return map;
}

const hasToken = (value: string | undefined, token: string) =>
  value !== undefined && value.toLowerCase().split(/\s+/).includes(token);

/** Does this markup have a `<head>` or `<html>` of its own (a whole page, not a fragment)? */
export function isDocument(html: string): boolean {
  return HEAD_OPEN.test(html) || /<html[\s>]/i.test(html);
}

/** The tags the plugin writes into a reprint's head. */
export function headTags(plan: HeadPlan): string {
  const tags: string[] = [];
  if (plan.indexing !== "noindex") tags.push(`<link rel="canonical" href="${escapeHtml(plan.originalUrl)}">`);
  if (plan.indexing !== "canonical") tags.push(`<meta name="robots" content="noindex">`);
  if (plan.extra) tags.push(plan.extra);
  return tags.join("\n");
}

/** Is this `<link>` or `<meta>` start tag a canonical link? */
const isCanonical = (name: string, tag: string) => name.toLowerCase() === "link" && hasToken(attributes(tag).get("rel"), "canonical");

/**
 * Markup without any `<link rel="canonical">`: the rest of a reprint page after its head (a
 * layout's body, the article's own text), and a reprint's content in a feed. The plugin's
 * canonical, in the head, is the page's only one; one in the body would be a second, to
 * wherever it points. Other tags are left as they are.
 */
export function withoutCanonicals(html: string): string {
  if (!/<link\b/i.test(html)) return html;
  return html.replace(TAG, (whole, name: string, newline: string | undefined) =>
    isCanonical(name, newline ? whole.slice(0, -newline.length) : whole) ? "" : whole,
  );
}

/** Rewrite the existing canonical, og:url and robots tags in a head's markup. */
function rewriteTags(head: string, plan: HeadPlan): string {
  return head.replace(TAG, (whole, name: string, newline: string | undefined) => {
    // Most tags of a head are none of these: leave them without reading their attributes.
    if (!RELEVANT.test(whole)) return whole;
    const tag = newline ? whole.slice(0, -newline.length) : whole;
    if (name.toLowerCase() === "link") return isCanonical(name, tag) ? "" : whole;
    const attrs = attributes(tag);
    if (attrs.get("name")?.toLowerCase() === "robots" && plan.indexing !== "canonical") return "";
    if (plan.ogUrlToOriginal && attrs.get("property")?.toLowerCase() === "og:url") {
      return `<meta property="og:url" content="${escapeHtml(plan.originalUrl)}">${newline ?? ""}`;
    }
    return whole;
  });
}

/**
 * Give a page exactly one canonical (and the other head tags) with a targeted edit of its
 * `<head>`, not a parse of the whole document. A page with no `<head>` gets the tags at the
 * start of the document, where an HTML parser places them in the implied head. A canonical
 * anywhere else in the page (a layout's body, the article's text) is removed.
 */
export function rewriteHead(html: string, plan: HeadPlan): string {
  const tags = headTags(plan);
  const open = HEAD_OPEN.exec(html);
  if (open) {
    const start = open.index + open[0].length;
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
