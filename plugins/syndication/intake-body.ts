/**
 * An article's HTML as a Markdown body. The parsed page is written out again as plain, safe HTML
 * — only the elements an article's text needs, only `href`, `src` and `alt`, only web and mail
 * links — and html-to-md turns that into Markdown, one block at a time. Pure; html-to-md is loaded
 * only here, when a reader runs.
 *
 * What cannot survive: scripts, styles, event attributes, `javascript:` and `data:` addresses,
 * frames and embeds, characters a page cannot carry. Text that looks like Markdown or HTML stays
 * text: `<b>` written in an article is shown as `<b>`, never run as markup.
 */
import { UNPRINTABLE } from "./text.js";
import { attr, childrenOf, isElement, isText, webAddress, type HtmlNode, type HtmlText } from "./intake-dom.js";

/** Elements dropped with everything in them: they run, embed, or are not part of the text. */
const DROPPED = new Set([
  "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "button",
  "input", "select", "textarea", "option", "link", "meta", "base", "head", "title", "svg", "math", "canvas", "audio",
  "video", "source", "track", "map", "area", "dialog", "portal",
]);
/** Elements written out (as Markdown); any other element gives way to its content. */
const KEPT = new Set([
  "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "i", "strong", "b", "del", "s", "code", "pre", "blockquote",
  "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "img", "hr", "figure", "figcaption",
]);
const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "ul", "ol", "table", "hr", "figure"]);
const VOID = new Set(["br", "img", "hr"]);
const EMBEDS = new Set(["iframe", "frame", "embed", "object", "video", "audio"]);
/** Beyond this depth of written elements, elements give way to their text (html-to-md recurses). */
const MAX_DEPTH = 40;
/**
 * html-to-md's work on an element grows with the square of its children (it searches the text
 * written so far at each child): an element with more children than this — a paragraph of
 * thousands of links, a list of thousands of items, only on pages built to be hostile — is
 * written as several elements of the same kind, so that the whole stays linear.
 */
const MAX_CHILDREN = 400;
/** Emphasis inside the same emphasis means nothing more, and Markdown would read `**` as strong. */
const SAME_KIND: Record<string, string> = { i: "em", em: "em", b: "strong", strong: "strong", s: "del", del: "del", code: "code" };

/**
 * Markdown-significant characters of the text, held apart while html-to-md works (it would
 * turn `&lt;b&gt;` back into a live `<b>`), then written as backslash escapes: noncharacters,
 * which no page may carry and which are stripped from the text first, so none is ambiguous.
 */
const HELD: Record<string, string> = { "<": "\uFDD0", ">": "\uFDD1", "&": "\uFDD2", "`": "\uFDD3", "|": "\uFDD4", "~": "\uFDD5", "\\": "\uFDD6" };
const HELD_AT_LINE_START: Record<string, string> = { "+": "\uFDD7", "=": "\uFDD8", "-": "\uFDD9", "#": "\uFDDA", ".": "\uFDDB", ")": "\uFDDC" };
const RELEASED = new Map([...Object.entries(HELD), ...Object.entries(HELD_AT_LINE_START)].map(([ch, held]) => [held, `\\${ch}`]));
const unprintable = new RegExp(UNPRINTABLE, "gu");

export interface BodyPlan {
  /** Nodes taken out of the body (the title, byline, credit line, pixel): they go to front matter. */
  removed: Set<HtmlNode>;
  /** Text nodes whose text is replaced (a credit sentence cut from the paragraph it opened). */
  replacedText: Map<HtmlText, string>;
  /** The address relative links are read against (the original article's). */
  base?: string;
}

export interface Body {
  markdown: string;
  /** What was left out, one sentence each, for the editor: frames, embeds, links that go nowhere. */
  notes: string[];
}

/** Escape text for an HTML attribute value in double quotes. */
const attribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The article as clean HTML, in blocks: each top-level paragraph, heading, list, table or figure
 * is one block (inline content between them is a block too), so that converting it costs what
 * the block costs, whatever the length of the article.
 */
export function cleanBlocks(roots: HtmlNode[], plan: BodyPlan): { blocks: string[]; notes: string[] } {
  const blocks: string[] = [];
  const notes: string[] = [];
  let current = "";
  /** Written elements open around the walk, innermost last. */
  const open: Opened[] = [];
  /** Is the next text the first on its line (start of a block, or after a line break)? */
  let lineStart = true;
  const flush = () => {
    if (current.trim() !== "") blocks.push(current);
    current = "";
  };
  const emit = (html: string) => (current += html);
  const inCode = () => open.some((o) => o.name === "code" || o.name === "pre");

  type Opened = { name: string; attrs: string; block: boolean; closed: boolean };
  type Frame = { node: HtmlNode } | { end: Opened } | { split: Opened };
  const stack: Frame[] = [...roots].reverse().map((node) => ({ node }));
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ("split" in frame) {
      // A wide element goes on as a second element of its kind (see MAX_CHILDREN).
      const { name, attrs, block } = frame.split;
      emit(`</${name}>`);
      if (block && open.length === 1) flush();
      emit(`<${name}${attrs}>`);
      continue;
    }
    if ("end" in frame) {
      const element = open.pop()!;
      if (!element.closed) emit(`</${element.name}>`);
      if (element.block) {
        lineStart = true;
        if (open.length === 0) flush();
      }
      continue;
    }
    const node = frame.node;
    if (plan.removed.has(node)) continue;
    if (isText(node)) {
      const text = (plan.replacedText.get(node) ?? node.data).replace(unprintable, "");
      if (text === "") continue;
      if (inCode()) emit(text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
      else {
        emit(hold(text, lineStart));
        if (text.trim() !== "") lineStart = false;
      }
      continue;
    }
    if (!isElement(node)) continue; // comments, doctypes, processing instructions
    const name = node.name;
    if (node.type !== "tag" || DROPPED.has(name)) {
      const src = webAddress(attr(node, "src") ?? attr(node, "data"), plan.base);
      if (src && EMBEDS.has(name)) notes.push(`left out an embedded ${name} (${src}): embeds are not kept; add it by hand if its rights allow`);
      continue;
    }
    const children = childrenOf(node);
    const descend = (opened?: Opened) => {
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push({ node: children[i]! });
        if (opened && i > 0 && i % MAX_CHILDREN === 0) stack.push({ split: opened });
      }
    };
    const kind = SAME_KIND[name];
    if (!KEPT.has(name) || open.length >= MAX_DEPTH || (kind && open.some((o) => SAME_KIND[o.name] === kind))) {
      descend();
      continue;
    }
    let attrs = "";
    if (name === "a") {
      const href = linkAddress(attr(node, "href"), plan.base);
      if (href === undefined) {
        const given = attr(node, "href")?.trim();
        if (given && !given.startsWith("#")) notes.push(`kept the text of a link to ${JSON.stringify(given.slice(0, 80))}, which is not a web address`);
        descend();
        continue;
      }
      // Links cannot nest: a second link ends the first, as browsers read it.
      const outer = open.find((o) => o.name === "a" && !o.closed);
      if (outer) {
        emit("</a>");
        outer.closed = true;
      }
      attrs = ` href="${attribute(href)}"`;
    } else if (name === "img") {
      const src = webAddress(attr(node, "src"), plan.base);
      if (src === undefined) continue;
      // html-to-md writes the description as it is: a bracket would end it early.
      const alt = (attr(node, "alt") ?? "").replace(unprintable, "").replace(/[\\[\]]/g, "\\$&");
      attrs = ` src="${attribute(src)}" alt="${attribute(alt)}"`;
    }
    const block = BLOCKS.has(name);
    if (block && open.length === 0) flush();
    emit(`<${name}${attrs}>`);
    if (VOID.has(name)) {
      if (name !== "img") lineStart = true;
      if (block && open.length === 0) flush();
      continue;
    }
    if (block || name === "li" || name === "td" || name === "th") lineStart = true;
    const opened: Opened = { name, attrs, block, closed: false };
    open.push(opened);
    stack.push({ end: opened });
    descend(opened);
  }
  flush();
  return { blocks, notes };
}

/** A link's address: a web address (relative ones read against the page's), or a mail address. */
function linkAddress(value: string | undefined, base?: string): string | undefined {
  const web = webAddress(value, base);
  if (web) return balanced(web);
  const trimmed = value?.trim() ?? "";
  if (/^mailto:[^\s<>"]+$/i.test(trimmed)) return trimmed;
  return undefined;
}

/** Parentheses a Markdown link destination can hold: balanced, or percent-encoded. */
function balanced(url: string): string {
  let depth = 0;
  for (const ch of url) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) break;
  }
  return depth === 0 ? url : url.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

/**
 * Text with its Markdown-significant characters held apart (see HELD), where they would mean
 * something: every backtick, backslash and pipe; `<` where it could open a tag or an autolink; `&`
 * where it could start an entity; a run of tildes; and at the start of a line, what would make it a
 * heading, a list item, a quotation or a setext underline.
 */
function hold(text: string, lineStart: boolean): string {
  const held = text
    .replace(/[`\\|]/g, (ch) => HELD[ch]!)
    .replace(/<(?=[A-Za-z/!?])/g, HELD["<"]!)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, HELD["&"]!)
    .replace(/~{2,}/g, (run) => HELD["~"]!.repeat(run.length));
  if (!lineStart) return held;
  return held
    .replace(/^(\s*)([+=\-#>])/, (_, space: string, ch: string) => space + (HELD_AT_LINE_START[ch] ?? HELD[ch]))
    .replace(/^(\s*\d{1,9})([.)])/, (_, digits: string, ch: string) => digits + HELD_AT_LINE_START[ch]);
}

/** The clean blocks as Markdown, through html-to-md. */
export async function toMarkdown(blocks: string[]): Promise<string> {
  if (blocks.length === 0) return "";
  // html-to-md is CommonJS: its function is the module's default export (its types say `.default.default`).
  const html2md = (await import("html-to-md")).default as unknown as (html: string, options?: { renderCustomTags?: "SKIP" }) => string;
  const parts: string[] = [];
  for (const block of blocks) {
    const markdown = html2md(block, { renderCustomTags: "SKIP" }).trim();
    if (markdown !== "") parts.push(markdown);
  }
  const joined = parts.join("\n\n").replace(/[\uFDD0-\uFDDC]/g, (held) => RELEASED.get(held) ?? "");
  return `${joined.replace(/\n{3,}/g, "\n\n").trim()}\n`;
}
