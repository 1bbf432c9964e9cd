import fc from "fast-check";
import { parse, parseFragment, type DefaultTreeAdapterMap, type ParserError } from "parse5";
import { describe, expect, it } from "vitest";
import { normalise } from "../../plugins/syndication/rules/normalise.js";
import { resolveOptions, type ResolvedOptions } from "../../plugins/syndication/reprint/options.js";
import { rewriteHead } from "../../plugins/syndication/render/head.js";
import { buildJsonLd, jsonLdScript } from "../../plugins/syndication/render/jsonld.js";
import { htmlText, nameText, validSyndication } from "./arbitraries.js";
import { params } from "./settings.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const OPTIONS = resolveOptions({
  sources: { rferl: { name: "Radio Free Europe/Radio Liberty", url: "https://www.rferl.org/", licence: "permission" } },
  now: () => new Date("2025-01-01T00:00:00Z"),
});

/** A real HTML parser's verdict: the parse errors of a fragment or a document (none, for well-formed HTML). */
function parseStrict(html: string, whole: boolean): { root: Node; errors: string[] } {
  const errors: string[] = [];
  const onParseError = (e: ParserError) => errors.push(`${e.code} at ${e.startOffset}: ${JSON.stringify(html.slice(Math.max(0, e.startOffset - 20), e.startOffset + 20))}`);
  const root = whole ? parse(html, { onParseError }) : parseFragment(html, { onParseError });
  return { root, errors };
}

const isElement = (node: Node): node is Element => "tagName" in node;
function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  const children = "content" in node && node.nodeName === "template" ? [] : "childNodes" in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
function text(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return "childNodes" in node ? node.childNodes.map(text).join("") : "";
}
/** What a reader sees: HTML turns CR LF and CR into LF, and white space runs into one space. */
/** Text without FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the text form's isolates, which HTML writes as <bdi>. */
const isolates = (s: string) => s.replace(/[\u2068\u2069]/g, "");
const seen = (s: string) => s.replace(/[ \t\n\f\r]+/g, " ").replace(/^ | $/g, "");

/** Wording a site might configure: placeholders among text that needs escaping. */
const wording = fc.array(fc.oneof(htmlText(6), fc.constantFrom("{source}", "{licence}", "{author}", "{title}", "{published}", "{changes}", "[[ by {author}]]", "[[", "]]", "{unknown}")), { maxLength: 8 }).map((parts) => parts.join(""));

const withWording = fc.option(wording, { nil: undefined }).map((template) =>
  template === undefined
    ? OPTIONS
    : ({
        ...OPTIONS,
        wording: { ...OPTIONS.wording, permission: template, publicDomain: template, creativeCommons: template, custom: template, tombstone: template, excerpt: template, readMore: template, changes: template },
      } as ResolvedOptions),
);

const cases = fc.record({ syndication: validSyndication, title: fc.option(nameText(30), { nil: undefined }), options: withWording });

/** Run a property over the cases that validate; make sure enough do. */
function forValid(check: (input: Record<string, unknown>, reprint: NonNullable<ReturnType<typeof normalise>["reprint"]>, title: string | undefined, options: ResolvedOptions) => void) {
  let valid = 0;
  fc.assert(
    fc.property(cases, ({ syndication, title, options }) => {
      const { reprint } = normalise(syndication, { ...(title !== undefined ? { title } : {}) }, options);
      if (!reprint) return;
      valid += 1;
      check(syndication, reprint, reprint.title, options);
    }),
    params(),
  );
  expect(valid).toBeGreaterThan(params().numRuns! / 4);
}

describe("the banner, for any valid data", () => {
  it("is well-formed HTML of a div, paragraphs and links, whose text is the banner's text", () => {
    forValid((input, reprint, _title, options) => {
      const blocks: [{ html: string; text: string }, string][] = [[reprint.banner, "syndication-banner"]];
      if (reprint.tombstone) blocks.push([reprint.tombstone, "syndication-tombstone"]);
      for (const [rendered, cls] of blocks) {
        const { root, errors } = parseStrict(rendered.html, false);
        expect(errors, rendered.html).toEqual([]);
        const all = [...elements(root)];
        expect(all[0]!.tagName).toBe("div");
        expect(attr(all[0]!, "class")).toBe(cls);
        expect((root as DefaultTreeAdapterMap["documentFragment"]).childNodes).toHaveLength(1);
        for (const el of all) {
          expect(["div", "p", "a", "span", "bdi", "data", "time"]).toContain(el.tagName);
          for (const a of el.attrs) expect(["class", "href", "rel", "value", "datetime", "dir"]).toContain(a.name);
          // The microformats data of the original carry its title, authors and date, as validated.
          if (el.tagName === "data") {
            const expected = attr(el, "class") === "p-name" ? [reprint.title] : reprint.authors.map((p) => p.name);
            // An HTML parser reads a carriage return in an attribute as a line feed.
            expect(expected.map((v) => v?.replace(/\r\n?/g, "\n"))).toContain(attr(el, "value"));
            expect(text(el)).toBe("");
          }
          if (el.tagName === "time") expect(attr(el, "datetime")).toBe(reprint.published?.iso);
          // Every link goes to the original, as validated, or to the licence.
          if (el.tagName === "a") expect([String(input.originalUrl).trim(), reprint.licence.url]).toContain(attr(el, "href"));
        }
        // The text form is what readers see: the sentence (and, on a notice, the note after it),
        // where the HTML's <bdi> is FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE around a value.
        const paragraphs = all.filter((el) => el.tagName === "p" && attr(el, "class") !== "syndication-copyright");
        expect(isolates(seen(paragraphs.map((p) => text(p)).join(" ")))).toBe(isolates(seen(rendered.text)));
        if (options === OPTIONS && cls === "syndication-banner") {
          // The default wording links the source's name to the original, and the copyright is its own paragraph.
          const link = all.find((el) => el.tagName === "a")!;
          expect(attr(link, "href")).toBe(reprint.originalUrl);
          expect(text(link)).toBe(reprint.source.name.replace(/\r\n?/g, "\n"));
          const copyright = all.find((el) => attr(el, "class") === "syndication-copyright");
          expect(copyright && text(copyright)).toBe(reprint.copyright?.replace(/\r\n?/g, "\n"));
        }
      }
      // An excerpt's closing link: one paragraph, its links to the original only, its text the text form.
      if (reprint.readMore) {
        const { root, errors } = parseStrict(reprint.readMore.html, false);
        expect(errors, reprint.readMore.html).toEqual([]);
        const all = [...elements(root)];
        expect(all[0]!.tagName).toBe("p");
        for (const el of all) {
          expect(["p", "a", "bdi"]).toContain(el.tagName);
          if (el.tagName === "a") expect([String(input.originalUrl).trim(), reprint.licence.url]).toContain(attr(el, "href"));
        }
        expect(isolates(seen(text(all[0]!)))).toBe(isolates(seen(reprint.readMore.text)));
      }
      // The tracking pixel: one image, its address exactly as validated, nothing for screen readers.
      if (reprint.pixel) {
        const { root, errors } = parseStrict(reprint.pixel.html, false);
        expect(errors, reprint.pixel.html).toEqual([]);
        const all = [...elements(root)];
        expect(all.map((el) => el.tagName)).toEqual(["img"]);
        expect(attr(all[0]!, "src")).toBe(String(input.pixel).trim());
        expect(attr(all[0]!, "alt")).toBe("");
      }
    });
  });
});

/** Characters that set the direction of the text around them: right-to-left scripts and marks, and explicit controls. */
const DIRECTIONAL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Text nodes of an element that are not inside an isolate: a <bdi>, or an element with its own dir. */
function* outsideIsolates(node: Node): Generator<string> {
  if (node.nodeName === "#text") yield (node as DefaultTreeAdapterMap["textNode"]).value;
  if (isElement(node) && (node.tagName === "bdi" || attr(node, "dir") !== undefined)) return;
  if ("childNodes" in node) for (const child of node.childNodes) yield* outsideIsolates(child);
}

describe("text from front matter on the page, for any valid data", () => {
  it("is isolated: around it, in the banner, the notice and the closing link, only the wording's own text", () => {
    forValid((_input, reprint, _title, options) => {
      // The default wording is English, with no direction controls: nothing outside an isolate may
      // set a direction, whatever the source, author, title, licence, note or notice holds.
      if (options !== OPTIONS) return;
      for (const html of [reprint.banner.html, reprint.tombstone?.html, reprint.readMore?.html]) {
        if (html === undefined) continue;
        const { root } = parseStrict(html, false);
        for (const piece of outsideIsolates(root)) expect(piece, html).not.toMatch(DIRECTIONAL);
      }
    });
  });
});

const LAYOUTS = [
  '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>T</title>\n<link rel="canonical" href="https://mine.example/x/">\n<meta property="og:url" content="https://mine.example/x/">\n<meta name="robots" content="index">\n</head>\n<body><main>{{BODY}}</main></body>\n</html>\n',
  '<!doctype html><html><head><meta charset="utf-8"><title>T</title><link rel=canonical href=/x/><body><p>{{BODY}}</p></body></html>',
  '<!doctype html><meta charset="utf-8"><title>T</title><p>{{BODY}}',
];

describe("the head, for any valid data", () => {
  it("has one canonical to the original as validated, og:url following it, and JSON-LD that parses back to the same values", () => {
    forValid((input, reprint, title) => {
      for (const layout of LAYOUTS) {
        const data = buildJsonLd(reprint, title);
        // A function, not a replacement string: "$`" in an address is text, not a pattern.
        const page = layout.replace("{{BODY}}", () => reprint.banner.html);
        const html = rewriteHead(page, { originalUrl: reprint.originalUrl, indexing: reprint.indexing, ogUrlToOriginal: true, extra: jsonLdScript(data) });
        const { root, errors } = parseStrict(html, true);
        expect(errors, html).toEqual([]);
        const all = [...elements(root)];
        const inHead = all.filter((el) => ["link", "meta", "script"].includes(el.tagName));
        const canonicals = inHead.filter((el) => el.tagName === "link" && attr(el, "rel") === "canonical");
        expect(canonicals.map((el) => attr(el, "href"))).toEqual(reprint.indexing === "noindex" ? [] : [String(input.originalUrl).trim()]);
        const robots = inHead.filter((el) => attr(el, "name") === "robots").map((el) => attr(el, "content"));
        expect(robots).toEqual(reprint.indexing === "canonical" ? (layout.includes("robots") ? ["index"] : []) : ["noindex"]);
        for (const og of inHead.filter((el) => attr(el, "property") === "og:url")) expect(attr(og, "content")).toBe(reprint.originalUrl);
        const scripts = inHead.filter((el) => el.tagName === "script");
        expect(scripts).toHaveLength(1);
        expect(attr(scripts[0]!, "type")).toBe("application/ld+json");
        // The script is in the head, and its text is the whole JSON: nothing ended it early.
        expect(all.find((el) => el.tagName === "head")!.childNodes).toContain(scripts[0]);
        const json = text(scripts[0]!);
        expect(json).not.toMatch(/<\/script|<!--|<script/i);
        const parsed = JSON.parse(json) as Record<string, any>;
        expect(parsed).toEqual(JSON.parse(JSON.stringify(data)));
        expect(parsed.isBasedOn).toBe(String(input.originalUrl).trim());
        expect(parsed.creditText).toBe(reprint.banner.text);
        expect(parsed.headline).toBe(title);
        expect(parsed.copyrightHolder.name).toBe(reprint.source.name);
        expect(parsed.copyrightNotice).toBe(reprint.copyright);
        expect(parsed.license).toBe(reprint.licence.url);
        expect(parsed.datePublished).toBe(reprint.published?.iso);
        if (reprint.authors.length > 0) expect(parsed.author.map((a: { name: string }) => a.name)).toEqual(reprint.authors.map((p) => p.name));
      }
    });
  });
});
