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
import { UNPRINTABLE } from "../util/text.js";
import { attr, childrenOf, descendants, fold, isElement, isText, parseHtml, rawTextOf, webAddress, type HtmlElement, type HtmlNode, type HtmlText } from "./intake-dom.js";

/** Elements dropped with everything in them: they run, embed, or are not part of the text. */
const DROPPED = new Set([
  "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "button",
  "input", "select", "textarea", "option", "link", "meta", "base", "head", "title", "svg", "math", "canvas", "audio",
  "video", "source", "track", "map", "area", "dialog", "portal",
]);
/** Elements whose content stands apart from what is around it. */
const SEPARATE = new Set(["p", "div", "br", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "ul", "ol", "table", "figure", "figcaption", "hr", "section", "article", "header", "footer", "aside", "nav", "dt", "dd"]);
const INLINE = new Set(["a", "em", "i", "strong", "b", "del", "s", "code"]);

/**
 * Can this element be written here, in a form Markdown has? Blocks do not go inside inline
 * elements or table cells, nothing goes inside code, list items only in lists, table parts only in
 * their table, and emphasis does not go inside the same emphasis (Markdown would read `**` as strong).
 */
function fits(name: string, open: { name: string }[]): boolean {
  const parent = open[open.length - 1]?.name;
  const inside = (names: string[]) => open.some((o) => names.includes(o.name));
  if (inside(["pre"])) return name === "code" && parent === "pre";
  if (inside(["code"])) return false;
  const kind = SAME_KIND[name];
  if (kind && open.some((o) => SAME_KIND[o.name] === kind)) return false;
  if (!INLINE.has(name) && name !== "img" && (open.some((o) => INLINE.has(o.name)) || inside(["td", "th"]))) return false;
  if (name === "li") return parent === "ul" || parent === "ol";
  if (name === "thead" || name === "tbody" || name === "tfoot") return parent === "table";
  if (name === "tr") return parent === "table" || parent === "thead" || parent === "tbody" || parent === "tfoot";
  if (name === "td" || name === "th") return parent === "tr";
  if (name === "figcaption") return parent === "figure";
  if (name === "table" || name === "figure") return !inside(["table", "figure"]);
  return true;
}

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

/** Escape text for HTML, and for an attribute value in double quotes. */
const escapeText = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const attribute = (value: string) => escapeText(value).replace(/"/g, "&quot;");

/**
 * The article as clean HTML, in blocks: each top-level paragraph, heading, list, table or figure
 * is one block (inline content between them is a block too), so that converting it costs what
 * the block costs, whatever the length of the article.
 */
export function cleanBlocks(roots: HtmlNode[], plan: BodyPlan): { blocks: string[]; notes: string[] } {
  const writer = new BlockWriter(plan);
  writer.write(roots);
  return { blocks: writer.blocks, notes: writer.notes };
}

/** An element written and still open around the walk. */
type Opened = { name: string; attrs: string; block: boolean; closed: boolean };
/** What the walk does next: a node, the end of an open element, or a split of a wide one. */
type Frame = { node: HtmlNode } | { end: Opened } | { split: Opened };

/** The walk of cleanBlocks, without recursion: a stack of frames, the elements open and the block being written. */
class BlockWriter {
  readonly blocks: string[] = [];
  readonly notes: string[] = [];
  private current = "";
  /** Written elements open around the walk, innermost last. */
  private readonly open: Opened[] = [];
  /** Is the next text the first on its line (start of a block, or after a line break)? */
  private lineStart = true;
  private stack: Frame[] = [];

  constructor(private readonly plan: BodyPlan) {}

  write(roots: HtmlNode[]): void {
    this.stack = [...roots].reverse().map((node) => ({ node }));
    while (this.stack.length > 0) {
      const frame = this.stack.pop()!;
      if ("split" in frame) this.splitWide(frame.split);
      else if ("end" in frame) this.endElement();
      else if (!this.plan.removed.has(frame.node)) this.visit(frame.node);
    }
    this.flush();
  }

  private flush(): void {
    if (this.current.trim() !== "") this.blocks.push(this.current);
    this.current = "";
  }

  private emit(html: string): void {
    this.current += html;
  }

  private inCode(): boolean {
    return this.open.some((o) => o.name === "code" || o.name === "pre");
  }

  /** A wide element goes on as a second element of its kind (see MAX_CHILDREN). */
  private splitWide({ name, attrs, block }: Opened): void {
    this.emit(`</${name}>`);
    if (block && this.open.length === 1) this.flush();
    this.emit(`<${name}${attrs}>`);
  }

  private endElement(): void {
    const element = this.open.pop()!;
    if (!element.closed) this.emit(`</${element.name}>`);
    if (element.block) {
      this.lineStart = true;
      if (this.open.length === 0) this.flush();
    }
  }

  private visit(node: HtmlNode): void {
    if (isText(node)) return this.writeText(node);
    if (!isElement(node)) return; // comments, doctypes, processing instructions
    const name = node.name;
    if (node.type !== "tag" || DROPPED.has(name)) {
      const src = webAddress(attr(node, "src") ?? attr(node, "data"), this.plan.base);
      if (src && EMBEDS.has(name)) this.notes.push(`left out an embedded ${name} (${src}): embeds are not kept; add it by hand if its rights allow`);
      return;
    }
    if (!KEPT.has(name) || this.open.length >= MAX_DEPTH || !fits(name, this.open) || unfenceable(node, this.open)) {
      // An element not written gives way to its content; one that stood apart from its
      // neighbours (a cell, an item, a paragraph) keeps its words apart from theirs.
      if (SEPARATE.has(name)) {
        this.emit(" ");
        this.stack.push({ node: { type: "text", data: " " } as HtmlText });
      }
      return this.descend(node);
    }
    const attrs = name === "a" ? this.linkAttrs(node) : name === "img" ? this.imageAttrs(node) : "";
    if (attrs !== undefined) this.startElement(node, attrs);
  }

  private writeText(node: HtmlText): void {
    // As a browser reads HTML: a carriage return, alone or before a line feed, is a line feed.
    const text = (this.plan.replacedText.get(node) ?? node.data).replace(/\r\n?/g, "\n").replace(unprintable, "");
    if (text === "") return;
    // html-to-md reads HTML: what is left of `<`, `>` and `&` after holding goes to it as entities.
    if (this.inCode()) this.emit(escapeText(this.open.some((o) => o.name === "pre") ? text : text.replace(/\s+/g, " ")));
    else {
      this.emit(escapeText(hold(text, this.lineStart)));
      if (text.trim() !== "") this.lineStart = false;
    }
  }

  /** A link's attributes; undefined when the link is not written (its text is, when it has a use). */
  private linkAttrs(node: HtmlElement): string | undefined {
    const href = linkAddress(attr(node, "href"), this.plan.base);
    if (href === undefined) {
      const given = attr(node, "href")?.trim();
      if (given && !given.startsWith("#")) this.notes.push(`kept the text of a link to ${JSON.stringify(given.slice(0, 80))}, which is not a web address`);
      this.descend(node);
      return undefined;
    }
    if (!hasContent(node)) {
      this.notes.push(`left out a link to ${href} that shows nothing (no text, no image)`);
      return undefined;
    }
    // Links cannot nest: a second link ends the first, as browsers read it.
    const outer = this.open.find((o) => o.name === "a" && !o.closed);
    if (outer) {
      this.emit("</a>");
      outer.closed = true;
    }
    return ` href="${attribute(href)}"`;
  }

  /** An image's attributes; undefined for an image with no web address (left out). */
  private imageAttrs(node: HtmlElement): string | undefined {
    const src = webAddress(attr(node, "src"), this.plan.base);
    if (src === undefined) return undefined;
    // html-to-md writes the description as it is: a bracket would end it early.
    const alt = (attr(node, "alt") ?? "").replace(unprintable, "").replace(/[\\[\]<>`*_&]/g, "\\$&");
    return ` src="${attribute(src)}" alt="${attribute(alt)}"`;
  }

  /** Write an element's opening tag, then walk its content and close it. */
  private startElement(node: HtmlElement, attrs: string): void {
    const name = node.name;
    const block = BLOCKS.has(name);
    if (block && this.open.length === 0) this.flush();
    this.emit(`<${name}${attrs}>`);
    if (VOID.has(name)) {
      if (name !== "img") this.lineStart = true;
      if (block && this.open.length === 0) this.flush();
      return;
    }
    if (block || name === "li" || name === "td" || name === "th") this.lineStart = true;
    const opened: Opened = { name, attrs, block, closed: false };
    this.open.push(opened);
    this.stack.push({ end: opened });
    this.descend(node, opened);
  }

  /** The element's children, next on the stack (an open element split every MAX_CHILDREN of them). */
  private descend(node: HtmlElement, opened?: Opened): void {
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) {
      this.stack.push({ node: children[i]! });
      if (opened && i > 0 && i % MAX_CHILDREN === 0) this.stack.push({ split: opened });
    }
  }
}

/**
 * Code that html-to-md's backticks cannot hold: inline code with a backtick in it, or a block with
 * a line of three backticks, would end early and let the rest be read as Markdown (or HTML). Such
 * code is written as ordinary text.
 */
function unfenceable(el: HtmlElement, open: { name: string }[]): boolean {
  if (el.name === "code" && !open.some((o) => o.name === "pre")) return rawTextOf(el).includes("`");
  if (el.name === "pre") return /^\s{0,3}```/m.test(rawTextOf(el).replace(/\r\n?/g, "\n"));
  return false;
}

/** Does the element show something: text a page can carry, or an image? */
function hasContent(el: HtmlElement): boolean {
  for (const node of descendants(el)) {
    if (isText(node) && node.data.replace(unprintable, "").trim() !== "") return true;
    if (isElement(node) && node.name === "img") return true;
  }
  return false;
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

/**
 * The article as Markdown: its clean blocks through html-to-md, each checked with markdown-it
 * (Eleventy's Markdown library): nothing in the body is read as HTML.
 */
export async function bodyMarkdown(roots: HtmlNode[], plan: BodyPlan): Promise<Body> {
  const { blocks, notes } = cleanBlocks(roots, plan);
  // html-to-md is CommonJS: its function is the module's default export (its types say `.default.default`).
  const html2md = (await import("html-to-md")).default as unknown as (html: string, options?: { renderCustomTags?: "SKIP" }) => string;
  const { default: MarkdownIt } = await import("markdown-it");
  const markdownIt = new MarkdownIt({ html: true });
  const readAsHtml = (md: string) => markdownIt.parse(md, {}).some((t) => t.type === "html_block" || (t.children ?? []).some((c) => c.type === "html_inline"));
  const convert = (html: string) => release(html2md(html, { renderCustomTags: "SKIP" }).trim());
  const parts: string[] = [];
  for (const block of blocks) {
    let markdown = convert(block);
    // A last guard: the structures html-to-md writes as HTML are kept out of the blocks above (see
    // `fits`), and the property tests find none; should one get through, its words go as plain text.
    if (readAsHtml(markdown)) {
      markdown = release(hold(fold(rawTextOf(await parseHtml(block))), true).replace(/[<>&*_[\]!#]/g, (ch) => `\\${ch}`));
      notes.push(`wrote a passage as plain text, without its links or emphasis, since it could not be written as Markdown: "${markdown.slice(0, 60)}"`);
    }
    if (markdown !== "") parts.push(markdown);
  }
  const joined = parts.join("\n\n").replace(/\n{3,}/g, "\n\n").trim();
  return { markdown: joined === "" ? "" : `${joined}\n`, notes };
}

/** Held characters as backslash escapes. */
const release = (markdown: string) => markdown.replace(/[\uFDD0-\uFDDC]/g, (held) => RELEASED.get(held) ?? "");

