/**
 * What a publisher's republish box says about the article, read from its parsed HTML: the credit
 * line, the original's address, the headline, the authors and their institutions, the date, the
 * licence and the tracking pixel. Pure functions over the DOM; each says which nodes it read, so
 * that the body leaves them out (the plugin writes the credit and the pixel itself).
 */
import { readCredit, type Credit } from "./importer.js";
import { parseDate } from "../reprint/dates.js";
import { CREATIVE_COMMONS_IDS, parseLicence } from "../reprint/licences.js";
import type { LicenceInput, Person } from "../types.js";
import {
  attr, childrenOf, closest, elements, fold, hasWord, isElement, isText, rawTextOf, textNodes, textOf, webAddress,
  type HtmlElement, type HtmlNode, type HtmlText,
} from "./intake-dom.js";

/** The first sentence of a credit line: "This article is republished from…", "This story was originally published by…". */
const CREDIT_START =
  /^(?:this|the) (?:article|story|piece|report|column|post)\b.{0,80}?\b(?:originally published|first published|originally appeared|first appeared|republished|reprinted)\b/i;
/** Sentences that finish a credit line: "Read the original article.", "It is republished under…". */
const CREDIT_MORE = /^(?:(?:read|see) the original\b|(?:it|this (?:article|story)) (?:is|was) (?:re)?published (?:here )?under\b)/i;
/** Words that name an institution, for "Name, Role, Institution" bylines without links. */
const INSTITUTION =
  /\b(?:universit\w*|college|institut\w*|school|academy|hospital|centre|center|laborator\w*|polytechnic|foundation|council|museum|agency|observatory|society|trust|clinic)\b/i;

/** Nodes that the body leaves out, and text cut from a node it keeps. */
export interface Taken {
  removed: Set<HtmlNode>;
  replacedText: Map<HtmlText, string>;
}

export interface CreditLine {
  /** The credit's text, as a reader sees it. */
  text: string;
  /** What the sentence says (publisher, licence), as the plain-text import reads it. */
  credit?: Credit;
  /** The credit's links: the original article and the publisher's home page, usually. */
  links: { href: string; text: string }[];
}

/**
 * The credit line: the innermost element whose text opens with a credit sentence. The credit's
 * sentences are taken out of the body; what follows them in the same paragraph (ProPublica's
 * newsletter line) stays.
 */
export function takeCredit(roots: HtmlNode[], taken: Taken, base?: string): CreditLine | undefined {
  const candidates = elements(roots, (el) => el.type === "tag" && CREDIT_START.test(textOf(el)));
  const block = candidates.find((el) => !candidates.some((other) => other !== el && isInside(other, el)));
  if (!block) return undefined;
  const sentences = fold(rawTextOf(block)).match(/[^.!?]+[.!?]*\s*/g) ?? [];
  let creditText = sentences[0] ?? "";
  for (const sentence of sentences.slice(1)) {
    if (!CREDIT_MORE.test(sentence.trim())) break;
    creditText += sentence;
  }
  creditText = creditText.trim();
  const cut = cutLeadingText(block, visible(creditText), taken);
  const links = cut
    .filter((el) => el.name === "a")
    .flatMap((a) => {
      const href = webAddress(attr(a, "href"), base);
      return href ? [{ href, text: textOf(a) }] : [];
    });
  const credit = readCredit(creditText);
  return { text: creditText, ...(credit ? { credit } : {}), links };
}

/** How many characters a text shows, not counting white space. */
const visible = (text: string) => text.replace(/\s+/g, "").length;

const isInside = (node: HtmlNode, ancestor: HtmlElement) => {
  for (let at = node.parent as HtmlNode | null; at; at = at.parent as HtmlNode | null) if (at === ancestor) return true;
  return false;
};

/**
 * Take the first `count` visible characters of an element's text out of the body: whole text
 * nodes and the elements left empty go, a partly taken text node keeps its rest. Returns the
 * elements taken whole (the credit's links among them).
 */
function cutLeadingText(block: HtmlElement, count: number, taken: Taken): HtmlElement[] {
  let left = count;
  const consumed = new Set<HtmlText>();
  for (const node of textNodes(block)) {
    if (left <= 0) break;
    const shown = visible(node.data);
    if (shown <= left) {
      consumed.add(node);
      left -= shown;
      continue;
    }
    // Cut after the `left`-th visible character of this node.
    let index = 0;
    for (let seen = 0; index < node.data.length && seen < left; index++) if (!/\s/.test(node.data[index]!)) seen++;
    taken.replacedText.set(node, node.data.slice(index).replace(/^\s+/, ""));
    left = 0;
  }
  const whole = elements(block, (el) => {
    const texts = [...textNodes(el)];
    return texts.length > 0 && texts.every((t) => consumed.has(t)) && !elements(el, (e) => e.name === "img").length;
  });
  const outermost = whole.filter((el) => !whole.some((other) => other !== el && isInside(el, other)));
  for (const el of outermost) taken.removed.add(el);
  for (const t of consumed) taken.removed.add(t);
  if ([...textNodes(block)].every((t) => consumed.has(t) || (taken.replacedText.get(t) ?? t.data).trim() === "")) taken.removed.add(block);
  return whole;
}

/** The original article's address: the canonical link, ProPublica's syndication-source, the credit's link, og:url. */
export function originalUrlOf(roots: HtmlNode[], credit: CreditLine | undefined): string | undefined {
  const canonical = elements(roots, (el) => el.name === "link" && hasWord(el, "rel", "canonical"))[0];
  const meta = (key: string, value: string) => elements(roots, (el) => el.name === "meta" && attr(el, key)?.toLowerCase() === value)[0];
  const fromCredit =
    credit?.links.find((l) => /\boriginal\b/i.test(l.text)) ?? credit?.links.find((l) => new URL(l.href).pathname.replace(/(?<!\/)\/+$/, "") !== "");
  const source = meta("name", "syndication-source") ?? meta("property", "og:url");
  return webAddress(canonical && attr(canonical, "href")) ?? webAddress(source && attr(source, "content")) ?? fromCredit?.href;
}

/** The headline: the box's first `<h1>` (taken out of the body), else og:title or `<title>`. */
export function takeTitle(roots: HtmlNode[], taken: Taken): string | undefined {
  const h1 = elements(roots, (el) => el.name === "h1")[0];
  if (h1 && textOf(h1) !== "") {
    taken.removed.add(h1);
    return textOf(h1);
  }
  const og = elements(roots, (el) => el.name === "meta" && attr(el, "property") === "og:title")[0];
  const head = elements(roots, (el) => el.name === "title")[0];
  return (og ? fold(attr(og, "content") ?? "") : head ? textOf(head) : "") || undefined;
}

/**
 * The authors, with their institutions where the box gives them. The Conversation links each
 * author's profile and institution ("Jane Doe, University of Leeds"; at the foot, with the role
 * between); other boxes mark authors with `rel="author"` or put them in a `.byline`. The byline
 * blocks are taken out of the body: the layout shows the authors from front matter.
 */
export function takeAuthors(roots: HtmlNode[], taken: Taken, base?: string): Person[] {
  const isProfile = (el: HtmlElement) => el.name === "a" && /^\/(?:profiles|people|authors?)\//.test(pathOf(attr(el, "href"), base));
  const isInstitution = (el: HtmlElement) => el.name === "a" && /^\/institutions\//.test(pathOf(attr(el, "href"), base));
  const bylines: HtmlElement[] = [];
  // A byline names a few people: the first twenty links are plenty, and bound the work on hostile pages.
  for (const link of elements(roots, (el) => isProfile(el) || (el.name === "a" && hasWord(el, "rel", "author"))).slice(0, 20)) {
    const block = bylineAround(link);
    if (block && !bylines.some((b) => b === block || isInside(block, b))) bylines.push(block);
  }
  for (const byline of elements(roots, (el) => hasWord(el, "class", "byline"))) {
    if (!bylines.some((b) => b === byline || isInside(byline, b) || isInside(b, byline))) bylines.push(byline);
  }
  const people = new Map<string, Person>();
  for (const block of bylines) {
    for (const person of peopleIn(block, isProfile, isInstitution)) {
      const known = people.get(person.name);
      if (!known || (!known.affiliation && person.affiliation)) people.set(person.name, person);
    }
    taken.removed.add(block);
    // What joins two bylines at the top of a box (" and ", ", ") goes with them.
    for (const sibling of [block.prev, block.next] as (HtmlNode | null)[]) {
      if (sibling && isText(sibling) && /^[\s,;&]*(?:and[\s,;&]*)?$/i.test(sibling.data)) taken.removed.add(sibling);
    }
  }
  return [...people.values()];
}

/** The byline a profile link stands in: its largest enclosing element that is still a short line without sentences. */
function bylineAround(link: HtmlElement): HtmlElement | undefined {
  let best: HtmlElement | undefined;
  for (let at: HtmlNode | null = link.parent as HtmlNode | null; at && isElement(at); at = at.parent as HtmlNode | null) {
    const text = textOf(at);
    if (text.length > 400 || /[.!?]\s+\p{Lu}/u.test(text) || childrenOf(at).some((c) => isElement(c) && /^(?:p|h[1-6]|ul|ol|table|figure|blockquote)$/.test(c.name))) break;
    best = at;
  }
  return best;
}

/** The people a byline names: each profile link, with the institution linked after it, or read from the text after it. */
function peopleIn(block: HtmlElement, isProfile: (el: HtmlElement) => boolean, isInstitution: (el: HtmlElement) => boolean): Person[] {
  const links = elements(block, (el) => el.name === "a");
  const named = links.filter((a) => isProfile(a) || hasWord(a, "rel", "author"));
  if (named.length === 0) {
    // A byline without links: "By Jane Doe and John Roe".
    const text = textOf(block).replace(/^by\s+/i, "");
    return text ? text.split(/(?:(?<!\s)\s+)?(?:,|\band\b|&)\s*/).filter((n) => n && !/\d/.test(n)).slice(0, 1).map((name) => ({ name })) : [];
  }
  return named.map((link, i) => {
    const name = textOf(link);
    const upTo = named[i + 1];
    const between = links.slice(links.indexOf(link) + 1, upTo ? links.indexOf(upTo) : undefined);
    const institution = between.find(isInstitution);
    if (institution) return { name, affiliation: textOf(institution) };
    // "Name, Role, Institution": the text from this link to the next name.
    const after = textBetween(block, link, upTo).replace(/^[\s,]+/, "").replace(/(?<![\s,;])[\s,;]+(?:and[\s,;]*)?$/i, "");
    // Only what names an institution: "by Sam Example, ProPublica" names the publisher, not where Sam writes from.
    const affiliation = INSTITUTION.test(after) ? institutionIn(after) : undefined;
    return affiliation ? { name, affiliation } : { name };
  });
}

/** The text of `block` after `from` and before `to` (or the end). */
function textBetween(block: HtmlElement, from: HtmlElement, to: HtmlElement | undefined): string {
  let text = "";
  let started = false;
  for (const node of textNodes(block)) {
    if (to && isInside(node, to)) break;
    if (closest(node, (el) => el.name === "time")) continue; // a dateline is not a role
    if (isInside(node, from)) {
      started = true;
      continue;
    }
    if (started) text += node.data;
  }
  return fold(text);
}

/**
 * The institution in "Role, Institution" (The Conversation's feeds and older boxes write authors
 * this way): the last part that names an institution, with what follows it ("University of
 * California, Santa Barbara"), else the last part.
 */
export function institutionIn(roleAndInstitution: string): string | undefined {
  const parts = roleAndInstitution.split(/,\s+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  for (let i = parts.length - 1; i >= 0; i--) if (INSTITUTION.test(parts[i]!)) return parts.slice(i).join(", ").replace(/^.*;\s*/, "");
  return parts[parts.length - 1];
}

/** An author as a feed writes them, "Name, Role, Institution", as a name and an institution. */
export function personFromLine(line: string): Person | undefined {
  const text = fold(line);
  if (!text) return undefined;
  const comma = text.indexOf(", ");
  if (comma < 0) return { name: text };
  const affiliation = institutionIn(text.slice(comma + 2));
  return affiliation ? { name: text.slice(0, comma), affiliation } : { name: text.slice(0, comma) };
}

const pathOf = (href: string | undefined, base?: string) => {
  const url = webAddress(href, base);
  return url ? new URL(url).pathname : "";
};

/** The original's date, where the box gives one: a `<time datetime>` or article:published_time, as written. */
export function dateOf(roots: HtmlNode[]): string | undefined {
  const candidates = [
    ...elements(roots, (el) => el.name === "time").map((el) => attr(el, "datetime")),
    ...elements(roots, (el) => el.name === "meta" && attr(el, "property") === "article:published_time").map((el) => attr(el, "content")),
  ];
  return candidates.map((c) => c?.trim()).find((c): c is string => !!c && parseDate(c).ok);
}

/**
 * The licence the box names: a `rel="license"` link (in the credit, or else outside the figures,
 * whose licences are the images'), read as an SPDX id where it is a Creative Commons deed; else
 * the one the credit line names.
 */
export function licenceOf(roots: HtmlNode[], credit: CreditLine | undefined): LicenceInput | undefined {
  const links = elements(roots, (el) => el.name === "a" && hasWord(el, "rel", "license") && !closest(el, (a) => a.name === "figure" || a.name === "figcaption"));
  for (const link of links) {
    const href = webAddress(attr(link, "href"));
    if (!href) continue;
    const id = creativeCommonsId(href);
    if (id) return id;
    const name = textOf(link);
    if (name) return { name, url: href };
  }
  return credit?.credit?.licence;
}

/** "https://creativecommons.org/licenses/by-nd/4.0/" → "CC-BY-ND-4.0", where SPDX lists it. */
export function creativeCommonsId(href: string): string | undefined {
  const url = new URL(href);
  if (!/(^|\.)creativecommons\.org$/i.test(url.hostname)) return undefined;
  const [kind, terms, version, port] = url.pathname.split("/").filter(Boolean).map((p) => p.toLowerCase());
  if (kind === "publicdomain" && terms === "zero" && version) return "CC0-" + version;
  if (kind === "publicdomain" && terms === "mark") return "public-domain";
  if (kind !== "licenses" || !terms || !version) return undefined;
  const id = `CC-${terms.toUpperCase()}-${version}${port && port !== "legalcode" && port !== "deed.en" ? `-${port.toUpperCase()}` : ""}`;
  const known = CREATIVE_COMMONS_IDS.find((k) => k.toLowerCase() === id.toLowerCase());
  return known && parseLicence(known).ok ? known : undefined;
}

export interface Pixel {
  /** The tracking image's address. */
  url?: string;
  /** A tracking script the box carries instead (ProPublica's PixelPing). */
  script?: string;
  /** Further tracking images, left out. */
  others: string[];
}

/**
 * The tracking pixel: a 1×1 image (by its size, its style or a counter's file name), taken out of
 * the body, since the plugin writes it from `syndication.pixel`. A tracking script is not kept
 * (no script is); it is reported so that the editor can give the image's address.
 */
export function takePixel(roots: HtmlNode[], taken: Taken, base?: string): Pixel {
  const pixels = elements(roots, (el) => el.name === "img" && isPixel(el, base));
  const urls = [...new Set(pixels.flatMap((img) => webAddress(attr(img, "src"), base) ?? []))];
  for (const img of pixels) taken.removed.add(img);
  const script = elements(roots, (el) => el.name === "script" && /(^|\.)pixel\.|\/pixel\b/i.test(webAddress(attr(el, "src"), base) ?? ""))
    .map((el) => webAddress(attr(el, "src"), base)!)[0];
  return { ...(urls[0] ? { url: urls[0] } : {}), ...(script ? { script } : {}), others: urls.slice(1) };
}

function isPixel(img: HtmlElement, base?: string): boolean {
  if (attr(img, "width")?.trim() === "1" && attr(img, "height")?.trim() === "1") return true;
  if (/(?:^|[;\s])(?:max-)?width\s*:\s*1px/i.test(attr(img, "style") ?? "")) return true;
  const src = webAddress(attr(img, "src"), base);
  return src !== undefined && /\/(?:count|pixel)\.gif$/i.test(new URL(src).pathname);
}

/** An image's own rights, as the box's figure credits it. */
export interface ImageRightsFound {
  src: string;
  credit: string;
  licence: LicenceInput;
}

/**
 * The rights of each image in a figure whose caption credits it with a licence link (The
 * Conversation's `<span class="attribution"><a class="source">…</a>, <a class="license" href=…>`):
 * its credit (the source's text) and licence (a Creative Commons deed as its SPDX id). An image
 * whose caption gives no licence link is left for the editor (the build names it).
 */
export function imageRightsOf(roots: HtmlNode[], base?: string): ImageRightsFound[] {
  const found: ImageRightsFound[] = [];
  for (const figure of elements(roots, (el) => el.name === "figure")) {
    const licenceLink = elements(figure, (el) => el.name === "a" && (hasWord(el, "class", "license") || hasWord(el, "rel", "license")))[0];
    const href = licenceLink && webAddress(attr(licenceLink, "href"));
    const source = elements(figure, (el) => el.name === "a" && hasWord(el, "class", "source"))[0];
    const credit = source ? textOf(source) : undefined;
    if (!href || !credit) continue;
    const licence: LicenceInput = creativeCommonsId(href) ?? { name: textOf(licenceLink) || href, url: href };
    for (const img of elements(figure, (el) => el.name === "img")) {
      const src = webAddress(attr(img, "src"), base);
      if (src) found.push({ src, credit, licence });
    }
  }
  return found;
}
