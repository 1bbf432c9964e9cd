/**
 * Reading a publisher's "Republish this article" box (The Conversation, ProPublica, or any
 * publisher of the `sources` option) into the front matter and Markdown body of a reprint.
 *
 * Pure: it reads a string and returns what to write; the command line reads and writes the files,
 * and checks the result as `check` would before writing it. The HTML parser and the
 * HTML-to-Markdown library are loaded when a reader runs, never by a build.
 *
 * ```ts
 * const { frontMatter, body, problems, notes } = await readRepublishHtml(html, { sources, given: { published: "2024-03-05" } });
 * if (!problems.some((p) => p.required)) writeFileSync(out, matter.stringify(body, frontMatter));
 * ```
 */
import { bodyDigest } from "../reprint/digest.js";
import { checkUrl } from "../reprint/url.js";
import { parseDate } from "../reprint/dates.js";
import { PRESETS, withPreset } from "../reprint/presets.js";
import { UNPRINTABLE } from "../util/text.js";
import { attr, closest, elements, parseHtml, webAddress, type HtmlNode } from "./intake-dom.js";
import { bodyMarkdown } from "./intake-body.js";
import { dateOf, imageRightsOf, licenceOf, originalUrlOf, takeAuthors, takeCredit, takePixel, takeTitle, type ImageRightsFound, type Taken } from "./intake-fields.js";
import type { LicenceInput, Person, SourceEntry } from "../types.js";

/** What the caller knows already, field by field. */
export interface IntakeFields {
  /** The publisher's name, or the key of a preset or of the `sources` option. */
  source?: string;
  originalUrl?: string;
  title?: string;
  /** The original's date, as `syndication.published` takes it: `2024-03-05`, or ISO 8601 with its offset. */
  published?: string;
  authors?: Person[];
  licence?: LicenceInput;
  pixel?: string;
}

export interface IntakeContext {
  /** The site's `sources` option; the built-in presets are always known. */
  sources?: Record<string, SourceEntry>;
  /** Values that win over what the HTML says: the command line's flags. */
  given?: IntakeFields;
  /** Values for what the HTML does not say: a feed entry's link, title, date and authors. */
  fallback?: IntakeFields;
  /**
   * Leave out the images whose rights the HTML does not give (with their figure and caption), as
   * The Conversation allows ("You are welcome to omit our images"). Default: kept, and the build
   * asks for their rights where the publisher's licence does not cover them.
   */
  withoutImages?: boolean;
}

/** A field the reader could not fill, and the flag of `eleventy-syndication import` that supplies it. */
export interface IntakeProblem {
  /** `title` or `syndication.<field>`, as the build's report names fields. */
  field: string;
  /** The command-line flag that supplies it: `--url`, `--published`, … */
  flag: string;
  /** What is missing or wrong, in a sentence that names the flag. */
  message: string;
  /** The reprint cannot pass `check` without it (otherwise it is worth adding, not needed). */
  required: boolean;
}

/** `syndication` as the reader writes it: the fields it found, and the digest of the body. */
export interface IntakeSyndication {
  source?: string;
  originalUrl?: string;
  licence?: LicenceInput;
  published?: string;
  author?: string | Person | Array<string | Person>;
  pixel?: string;
  /** The images' own rights, where the box's figures credit them with a licence. */
  images?: ImageRightsFound[];
  /** The digest of the body as received (see `digest` in the README). */
  digest: string;
}

export interface IntakeFrontMatter {
  title?: string;
  syndication: IntakeSyndication;
  /** `md` where the text has something a template engine would read as a tag (`{{`, `{%`). */
  templateEngineOverride?: "md";
}

export interface IntakeResult {
  /** What to write between the `---` lines (gray-matter's `stringify(body, frontMatter)`). */
  frontMatter: IntakeFrontMatter;
  /** The article as Markdown, without the credit line, byline, headline and pixel. */
  body: string;
  problems: IntakeProblem[];
  /** What was left out of the body and why (embeds, extra counters, links that go nowhere), for the editor. */
  notes: string[];
  /** The publisher recognised by the address: a key of the `sources` option or a preset. */
  publisher?: { key: string; name: string };
}

const FLAGS: Record<string, string> = {
  title: "--title",
  "syndication.source": "--source",
  "syndication.originalUrl": "--url",
  "syndication.licence": "--licence",
  "syndication.published": "--published",
  "syndication.author": '--author "Name (Institution)"',
  "syndication.pixel": "--pixel",
};

const unprintable = new RegExp(UNPRINTABLE, "gu");
const clean = (text: string | undefined) => text?.replace(unprintable, "").trim() || undefined;

/** Read a republish box's HTML (a whole page or the fragment the box gives) as a reprint. */
export async function readRepublishHtml(html: string, context: IntakeContext = {}): Promise<IntakeResult> {
  const given = context.given ?? {};
  const fallback = context.fallback ?? {};
  const doc = await parseHtml(html);
  const roots = doc.children;
  const taken: Taken = { removed: new Set(), replacedText: new Map() };
  const problems: IntakeProblem[] = [];
  const problem = (field: string, message: string, required: boolean) =>
    problems.push({ field, flag: FLAGS[field]!.split(" ")[0]!, message: `${message}: give ${FLAGS[field]}`, required });

  const credit = takeCredit(roots, taken, given.originalUrl ?? fallback.originalUrl);
  const originalUrl = clean(given.originalUrl ?? originalUrlOf(roots, credit) ?? fallback.originalUrl);
  const base = originalUrl && !checkUrl(originalUrl) ? originalUrl : undefined;
  const foundTitle = takeTitle(roots, taken);
  const foundAuthors = takeAuthors(roots, taken, base);
  const foundPixel = takePixel(roots, taken, base);
  const images = imageRightsOf(roots, base);
  const leftOut = context.withoutImages ? takeImagesWithoutRights(roots, taken, images, base) : [];
  const { markdown: body, notes } = await bodyMarkdown(roots, { ...taken, ...(base ? { base } : {}) });
  for (const src of leftOut) notes.push(`left out the image ${src}, whose rights the HTML does not give (--without-images)`);

  const sources = knownSources(context.sources);
  const publisher = recognise([originalUrl, ...(credit?.links.map((l) => l.href) ?? []), foundPixel.url], sources);
  const sourceText = clean(given.source) ?? publisher?.key ?? clean(fallback.source) ?? creditSource(credit);
  const source = sourceText === undefined ? undefined : keyForName(sourceText, sources) ?? sourceText;
  const entry = source !== undefined && Object.hasOwn(sources, source) ? sources[source] : undefined;
  const title = clean(given.title ?? foundTitle ?? fallback.title);
  const published = clean(given.published ?? dateOf(roots) ?? fallback.published);
  const authors = (given.authors ?? (foundAuthors.length > 0 ? foundAuthors : fallback.authors) ?? []).flatMap((a) => {
    const name = clean(a.name);
    const affiliation = clean(a.affiliation);
    return name ? [affiliation ? { name, affiliation } : { name }] : [];
  });
  const licence = given.licence ?? licenceOf(roots, credit) ?? fallback.licence;
  const pixel = clean(given.pixel ?? foundPixel.url ?? fallback.pixel);

  const settled: Settled = { source, originalUrl, licence, published, authors, pixel, title };
  checkSettled(settled, entry, credit, problem);
  checkPixel(pixel, foundPixel, entry, problem);
  if (title === undefined) problem("title", "is missing: the HTML has no headline", false);
  for (const other of foundPixel.others) notes.push(`left out a second tracking image (${other}); the page shows ${pixel}`);
  for (const link of credit?.links ?? []) {
    if (link.href !== originalUrl && !isHome(link.href)) notes.push(`took out the credit line, and with it its link to ${link.href} ("${link.text}")`);
  }
  const frontMatter = intakeFrontMatter(settled, images, body);
  return { frontMatter, body, problems, notes, ...(publisher ? { publisher: { key: publisher.key, name: publisher.entry.name ?? publisher.key } } : {}) };
}

/** What the reader settled on, field by field: the caller's, the HTML's, then the fallback's. */
interface Settled {
  source: string | undefined;
  originalUrl: string | undefined;
  licence: LicenceInput | undefined;
  published: string | undefined;
  authors: Person[];
  pixel: string | undefined;
  title: string | undefined;
}

type AddProblem = (field: string, message: string, required: boolean) => void;

/** The source, original URL, licence, date and authors: missing, or not what the build takes. */
function checkSettled(settled: Settled, entry: SourceEntry | undefined, credit: ReturnType<typeof takeCredit>, problem: AddProblem): void {
  const { source, originalUrl, licence, published, authors } = settled;
  if (source === undefined) problem("syndication.source", "names no publisher that the reader could find (no credit line, no known address)", true);
  if (originalUrl === undefined) problem("syndication.originalUrl", "is missing: the HTML has no link to the original article", true);
  else {
    const bad = checkUrl(originalUrl);
    if (bad) problem("syndication.originalUrl", `(${originalUrl}) ${bad.message}`, true);
  }
  if (licence === undefined && entry?.licence === undefined) {
    const unnamed = credit?.credit?.creativeCommonsUnnamed ? " (the credit line names no particular Creative Commons licence)" : "";
    problem("syndication.licence", `is missing${unnamed}`, true);
  }
  if (published === undefined) {
    const needed = entry?.copyright?.includes("{year}") || entry?.expiresAfter !== undefined;
    problem("syndication.published", `is missing: the HTML gives no date for the original${needed ? `, and ${entry!.name} needs one` : ""}`, Boolean(needed));
  } else if (!parseDate(published).ok) {
    problem("syndication.published", `"${published}" is not a date`, true);
  }
  if (authors.length === 0) problem("syndication.author", "is missing: the HTML names no author", false);
  else if (entry?.rules?.affiliations) {
    for (const a of authors) if (!a.affiliation) problem("syndication.author", `${a.name} has no institution, which ${entry.name} asks to credit`, true);
  }
}

/** The tracking image: missing (counted by a script instead, or asked for by the publisher), or a bad address. */
function checkPixel(pixel: string | undefined, foundPixel: ReturnType<typeof takePixel>, entry: SourceEntry | undefined, problem: AddProblem): void {
  if (pixel === undefined) {
    const required = entry?.rules?.pixel === true;
    if (foundPixel.script) {
      // PixelPing's script (documentcloud/pixel-ping, src/pixel.coffee) only adds the image
      // <root>/pixel.gif?key=<the page's own address, URL-encoded>: the page can carry that image itself.
      const image = `${new URL("pixel.gif", foundPixel.script).href}?key=`;
      problem(
        "syndication.pixel",
        `is missing: the HTML counts readers with a script (${foundPixel.script}), which a reprint does not run; the script only adds the image ${image}<your reprint's address, URL-encoded>, which the plugin shows instead`,
        required,
      );
    } else if (required) problem("syndication.pixel", `is missing: ${entry!.name} asks for its tracking image, and the HTML has none`, true);
  } else {
    const bad = checkUrl(pixel);
    if (bad) problem("syndication.pixel", `(${pixel}) ${bad.message}`, true);
  }
}

/** The front matter to write: the title, `syndication` with what was found and the body's digest. */
function intakeFrontMatter(settled: Settled, images: ImageRightsFound[], body: string): IntakeFrontMatter {
  const { source, originalUrl, licence, published, authors, pixel, title } = settled;
  const syndication: IntakeSyndication = {
    ...(source !== undefined ? { source } : {}),
    ...(originalUrl !== undefined ? { originalUrl } : {}),
    ...(licence !== undefined ? { licence } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(authors.length > 0 ? { author: authorField(authors) } : {}),
    ...(pixel !== undefined ? { pixel } : {}),
    ...(images.length > 0 ? { images } : {}),
    digest: bodyDigest(body),
  };
  return {
    ...(title !== undefined ? { title } : {}),
    syndication,
    // Eleventy renders Markdown with Liquid first: text that looks like a tag must stay text.
    ...(/\{[{%#]/.test(body) ? { templateEngineOverride: "md" as const } : {}),
  };
}

/** Take out each image (with its figure) whose rights are not among `images`; returns their addresses. */
function takeImagesWithoutRights(roots: HtmlNode[], taken: Taken, images: ImageRightsFound[], base: string | undefined): string[] {
  const left: string[] = [];
  for (const img of elements(roots, (el) => el.name === "img" && !taken.removed.has(el))) {
    const src = webAddress(attr(img, "src"), base);
    if (src !== undefined && images.some((image) => image.src === src)) continue;
    taken.removed.add(closest(img, (el) => el.name === "figure") ?? img);
    left.push(src ?? "(an image without an address)");
  }
  return left;
}

/** One author as a name (or `{ name, affiliation }`), several as a list, as the README writes them. */
function authorField(authors: Person[]): IntakeSyndication["author"] {
  const written = authors.map((a) => (a.affiliation ? a : a.name));
  return written.length === 1 ? written[0]! : written;
}

/** The site's sources over the presets, each with its preset applied: the site's own first. */
function knownSources(own: Record<string, SourceEntry> = {}): Record<string, SourceEntry> {
  const all: Record<string, SourceEntry> = {};
  for (const key of [...Object.keys(own), ...Object.keys(PRESETS)]) if (!(key in all)) all[key] = withPreset(key, own[key])!;
  return all;
}

const hostOf = (url: string) => new URL(url).hostname.toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
const isHome = (url: string) => new URL(url).pathname.replace(/(?<!\/)\/+$/, "") === "";

/**
 * The publisher an address belongs to: the source whose `url` has the same host (or a parent of
 * it: counter.theconversation.com is The Conversation's) and the longest path that starts the
 * address. The site's own entries win a tie with the presets.
 */
export function recognise(urls: (string | undefined)[], sources: Record<string, SourceEntry>): { key: string; entry: SourceEntry } | undefined {
  for (const url of urls) {
    if (!url || checkUrl(url)) continue;
    const host = hostOf(url);
    const path = new URL(url).pathname;
    let best: { key: string; entry: SourceEntry; length: number } | undefined;
    for (const [key, entry] of Object.entries(sources)) {
      if (!entry.url || checkUrl(entry.url)) continue;
      const own = hostOf(entry.url);
      const prefix = new URL(entry.url).pathname.replace(/\/?$/, "/");
      if ((host === own || host.endsWith(`.${own}`)) && `${path.replace(/\/?$/, "/")}`.startsWith(prefix) && (!best || prefix.length > best.length)) {
        best = { key, entry, length: prefix.length };
      }
    }
    if (best) return { key: best.key, entry: best.entry };
  }
  return undefined;
}

/** A publisher's name as the key of the source that has it ("The Conversation" → `the-conversation`). */
function keyForName(name: string, sources: Record<string, SourceEntry>): string | undefined {
  if (Object.hasOwn(sources, name)) return name;
  return Object.entries(sources).find(([, entry]) => entry.name?.toLowerCase() === name.toLowerCase())?.[0];
}

/** The publisher a credit line names: its link's text ("ProPublica"), else the sentence's words. */
function creditSource(credit: { links: { text: string }[]; credit?: { source: string } } | undefined): string | undefined {
  const named = credit?.links.find((l) => l.text && !/\b(?:original|article|story|here|read)\b/i.test(l.text));
  return clean(named?.text ?? credit?.credit?.source);
}
