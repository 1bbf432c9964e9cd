import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { readRepublishHtml } from "../../plugins/syndication/intake/intake.js";
import { hostileUrl, nastyText, NON_HTML } from "./arbitraries.js";
import { params } from "./settings.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

// Eleventy's Markdown: markdown-it with raw HTML allowed.
const markdown = new MarkdownIt({ html: true });
const isElement = (node: Node): node is Element => "tagName" in node;
function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  for (const child of "childNodes" in node ? node.childNodes : []) yield* elements(child);
}
const textOf = (node: Node): string =>
  node.nodeName === "#text" ? (node as DefaultTreeAdapterMap["textNode"]).value : "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Text as a page shows it: white space runs as one space (NBSP and the like count, as html-to-md folds them). */
const fold = (s: string) => s.replace(/\s+/g, " ").trim();
const DIRECTION = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** HTML as a hostile or broken republish box might send it: scripts, handlers, odd addresses, nesting, entities. */
const hostileHtml: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { weight: 4, arbitrary: nastyText(10).map(escapeHtml) },
    { weight: 2, arbitrary: nastyText(10) },
    { weight: 3, arbitrary: tie("element") },
  ),
  element: fc
    .tuple(
      fc.constantFrom("p", "a", "em", "strong", "div", "span", "script", "style", "iframe", "img", "svg", "li", "ul", "blockquote", "h2", "pre", "code", "x-custom", "form", "object", "table", "td", "br", "noscript", "template", "math"),
      fc.array(
        fc.tuple(
          fc.constantFrom("href", "src", "onclick", "onerror", "ONLOAD", "style", "data", "srcdoc", "formaction", "xlink:href", "alt", "title", "class"),
          fc.oneof(hostileUrl, nastyText(8), fc.constantFrom("javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "https://ok.example/(x", "https://ok.example/a b", "mailto:a@b.example", "#top", "relative/path")),
        ),
        { maxLength: 3 },
      ),
      fc.array(tie("node"), { maxLength: 4 }),
    )
    .map(([name, attrs, children]) => `<${name}${attrs.map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`).join("")}>${children.join("")}</${name}>`),
})).element as fc.Arbitrary<string>;

describe("the republish-box reader, given hostile HTML", () => {
  it("writes a body in which nothing is read as HTML: no script, no handler, no address but the web's and mail's", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileHtml, { minLength: 1, maxLength: 4 }), async (parts) => {
        const { body, frontMatter } = await readRepublishHtml(parts.join(""));
        const tokens = markdown.parse(body, {});
        const html = tokens.flatMap((t) => [t, ...(t.children ?? [])]).filter((t) => t.type === "html_block" || t.type === "html_inline");
        expect(html.map((t) => t.content)).toEqual([]);
        const rendered = parseFragment(markdown.render(body));
        for (const el of elements(rendered)) {
          expect(["script", "style", "iframe", "object", "embed", "form", "svg", "math", "template"]).not.toContain(el.tagName);
          for (const attr of el.attrs) {
            expect(attr.name.startsWith("on")).toBe(false);
            if (attr.name === "href" || attr.name === "src") {
              expect(attr.value).toMatch(/^(https?:\/\/|mailto:)/);
              expect(attr.value).not.toMatch(DIRECTION);
              expect(attr.value).not.toMatch(NON_HTML);
            }
          }
        }
        // Nothing a page cannot carry, in the body or the title.
        expect(body).not.toMatch(NON_HTML);
        if (frontMatter.title) expect(frontMatter.title).not.toMatch(NON_HTML);
      }),
      params(0.5),
    );
  });

  it("keeps every web link of an article, with its text", async () => {
    const link = fc.tuple(fc.webUrl({ withQueryParameters: true, withFragments: true }), nastyText(8).filter((t) => fold(t.replace(new RegExp(NON_HTML, "gu"), "")) !== ""));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(link, nastyText(8)), { minLength: 1, maxLength: 6 }), async (pieces) => {
        const html = `<p>${pieces.map((p) => (typeof p === "string" ? escapeHtml(p) : `<a href="${escapeHtml(p[0])}">${escapeHtml(p[1])}</a>`)).join(" ")}</p>`;
        const { body } = await readRepublishHtml(html);
        const anchors = [...elements(parseFragment(markdown.render(body)))].filter((el) => el.tagName === "a");
        const wanted = pieces.filter((p): p is [string, string] => typeof p !== "string");
        expect(anchors.map((a) => decodeURI(a.attrs.find((x) => x.name === "href")!.value)), JSON.stringify([html, body])).toEqual(wanted.map(([url]) => decodeURI(new URL(url).href)));
        expect(anchors.map((a) => fold(textOf(a)))).toEqual(wanted.map(([, text]) => fold(text.replace(new RegExp(NON_HTML, "gu"), ""))));
      }),
      params(),
    );
  });

  it("shows an article's text as it was, whatever Markdown or HTML it looks like, direction controls included", async () => {
    await fc.assert(
      fc.asyncProperty(nastyText(30), async (text) => {
        const { body } = await readRepublishHtml(`<p>${escapeHtml(text)}</p>`);
        const shown = fold(textOf(parseFragment(markdown.render(body))));
        expect(shown).toBe(fold(text.replace(new RegExp(NON_HTML, "gu"), "")));
      }),
      params(),
    );
  });
});

describe("the republish-box reader, given huge HTML", () => {
  it("reads a 2 MB article of 20,000 paragraphs whole, every link kept", async () => {
    const html = Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i}, long enough to be a real one, with <a href="https://example.org/${i}">link ${i}</a> and <em>emphasis</em>.</p>`).join("\n");
    expect(html.length).toBeGreaterThan(2_000_000);
    const { body } = await readRepublishHtml(html);
    const tokens = markdown.parse(body, {});
    expect(tokens.filter((t) => t.type === "paragraph_open")).toHaveLength(20_000);
    expect(tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === "link_open")).toHaveLength(20_000);
  }, 180_000); // a guard against a hang on a loaded machine, not a measure: bench/intake.ts measures

  it("reads nesting a hundred thousand levels deep, and a paragraph of ten thousand links, without losing text or links", async () => {
    const deep = await readRepublishHtml(`${"<div><span>".repeat(100_000)}<p>deep <a href="https://example.org/deep">link</a></p>${"</span></div>".repeat(100_000)}`);
    expect(deep.body).toBe("deep [link](https://example.org/deep)\n");
    const wide = await readRepublishHtml(`<p>${Array.from({ length: 10_000 }, (_, i) => `<a href="https://example.org/${i}">${i}</a>`).join(" ")}</p>`);
    expect(markdown.parse(wide.body, {}).flatMap((t) => t.children ?? []).filter((t) => t.type === "link_open")).toHaveLength(10_000);
  }, 180_000);
});
