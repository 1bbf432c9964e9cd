/**
 * Reading HTML that a publisher sends: parsed with htmlparser2 (the version Eleventy 3 already
 * installs), loaded only when a reader runs, so a build never pays for it. The walks here are
 * iterative: a hostile page nested a hundred thousand levels deep must not overflow the stack,
 * and a page of a hundred thousand paragraphs must cost a hundred thousand steps, not their square.
 */
import type * as Htmlparser2 from "htmlparser2";

type HP = typeof Htmlparser2;
type Guarded<F> = F extends (node: any) => node is infer T ? T : never;

export type HtmlDocument = ReturnType<HP["parseDocument"]>;
export type HtmlNode = HtmlDocument["children"][number];
export type HtmlElement = Guarded<HP["DomUtils"]["isTag"]>;
export type HtmlText = Guarded<HP["DomUtils"]["isText"]>;

/** Parse a page or a fragment of one, as a browser reads the text (entities decoded). */
export async function parseHtml(html: string): Promise<HtmlDocument> {
  const { parseDocument } = await import("htmlparser2");
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** An element (a tag, or a script or style element, which htmlparser2 types apart). */
export const isElement = (node: HtmlNode): node is HtmlElement => "attribs" in node && "name" in node;
export const isText = (node: HtmlNode): node is HtmlText => node.type === "text";

/**
 * How deep the readers look for the credit, byline, date and pixel: a publisher's box nests them a
 * few levels down; a page nested deeper than this is not a box, and looking further would cost the
 * square of its size.
 */
export const FIELD_DEPTH = 60;

/** Every node under `root` down to `maxDepth` levels, in document order (pre-order), without recursion. */
export function* descendants(root: HtmlNode | HtmlNode[], maxDepth = Infinity): Generator<HtmlNode> {
  const stack: [HtmlNode, number][] = (Array.isArray(root) ? root : childrenOf(root)).map((n) => [n, 1] as [HtmlNode, number]).reverse();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    yield node;
    if (depth >= maxDepth) continue;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
}

export const childrenOf = (node: HtmlNode): HtmlNode[] => ("children" in node ? (node.children as HtmlNode[]) : []);

/** The elements under `root` (down to FIELD_DEPTH levels) that pass `test`, in document order. */
export function elements(root: HtmlNode | HtmlNode[], test: (el: HtmlElement) => boolean = () => true): HtmlElement[] {
  const found: HtmlElement[] = [];
  for (const node of descendants(root, FIELD_DEPTH)) if (isElement(node) && test(node)) found.push(node);
  return found;
}

/** The text of a node as a reader sees it (scripts, styles and comments are not text), white space folded. */
export function textOf(node: HtmlNode): string {
  return fold(rawTextOf(node));
}

/** The text of a node, white space as written. */
export function rawTextOf(node: HtmlNode): string {
  if (isText(node)) return node.data;
  let text = "";
  for (const child of textNodes(node)) text += child.data;
  return text;
}

/** The text nodes under a node that a reader sees, in order. */
export function* textNodes(node: HtmlNode): Generator<HtmlText> {
  const stack: HtmlNode[] = [...childrenOf(node)].reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (isText(next)) yield next;
    else if (isElement(next) && next.type === "tag") {
      const children = childrenOf(next);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}

/** Runs of white space as one space, none at the ends: text as a page shows it. */
export const fold = (text: string): string => text.replace(/\s+/g, " ").trim();

export const attr = (el: HtmlElement, name: string): string | undefined => el.attribs[name];

/** Does the element's `rel` (or another space-separated list attribute) hold this word? */
export const hasWord = (el: HtmlElement, name: string, word: string): boolean =>
  (attr(el, name) ?? "").toLowerCase().split(/\s+/).includes(word);

/** The nearest ancestor (or the node itself) that passes `test`. */
export function closest(node: HtmlNode, test: (el: HtmlElement) => boolean): HtmlElement | undefined {
  for (let at: HtmlNode | null = node; at; at = at.parent as HtmlNode | null) if (isElement(at) && test(at)) return at;
  return undefined;
}

/**
 * An absolute http(s) address from an attribute, resolved against the page's own address where
 * it is relative; undefined for anything else (`javascript:`, `data:`, a relative address with
 * nothing to resolve it against). The address comes back in the WHATWG form: white space and
 * characters that cannot stand in a link percent-encoded.
 */
export function webAddress(value: string | undefined, base?: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
