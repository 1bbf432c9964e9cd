import { escapeHtml } from "./escape.js";
import type { Licence, Person, Wording } from "../types.js";

/** What a banner sentence is made of. */
export interface BannerParts {
  sourceName: string;
  originalUrl: string;
  licence: Licence;
  authors: Person[];
  title?: string;
  /** The original date, formatted for readers, and as ISO 8601 for machines. */
  published?: string;
  publishedIso?: string;
  copyright?: string;
}

/** What a banner says besides its credit: that it is an excerpt, and what was changed. */
export interface BannerExtras {
  /** The excerpt sentence, before the credit. */
  excerpt?: string;
  /** The changes sentence (with {changes}), and the front matter's note that fills it. */
  changes?: string;
  changesText?: string;
}

const KEY_BY_KIND: Record<Licence["kind"], keyof Wording> = {
  permission: "permission",
  "public-domain": "publicDomain",
  "creative-commons": "creativeCommons",
  custom: "custom",
};

/** Which sentence a licence kind uses. */
export const wordingKey = (kind: Licence["kind"]): keyof Wording => KEY_BY_KIND[kind];

/**
 * A sentence template: the publisher's own sentence first (a preset's or a source entry's: its
 * terms may prescribe the credit word for word), then the page's language when the site words
 * it, then the site's wording.
 */
/** What the wording needs of the options: the site's sentences, and those of each language it words. */
export interface WordingOptions {
  wording: Wording;
  locales: Record<string, Partial<Wording>>;
}

export function chooseWording(options: WordingOptions, lang: unknown, key: keyof Wording, source?: Partial<Wording>): string {
  const own = source?.[key];
  if (own) return own;
  if (typeof lang === "string" && lang !== "") {
    const exact = options.locales[lang]?.[key];
    if (exact) return exact;
    const base = options.locales[lang.split("-")[0]!]?.[key];
    if (base) return base;
  }
  return options.wording[key];
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * Explicit direction controls: embeddings (LRE, RLE), overrides (LRO, RLO), isolates (LRI, RLI,
 * FSI) and their ends (PDF, PDI). One left open in a name reverses the rest of the sentence.
 */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Text from front matter as it goes into a sentence, unable to change the direction of the
 * sentence around it: in HTML, escaped in its own `<bdi>` (a name in Arabic or Hebrew is laid out
 * right to left inside it, an override in it ends with it); in the text form (JSON-LD's
 * `creditText`, `banner.text`), between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it
 * holds a direction control, and as it is otherwise.
 */
export function isolated(value: string): { html: string; text: string } {
  return { html: `<bdi>${escapeHtml(value)}</bdi>`, text: DIRECTION_CONTROLS.test(value) ? `\u2068${value}\u2069` : value };
}

type Value = { html: string; text: string } | undefined;
/** A placeholder's value, asked for only when the sentence uses it. */
type Values = Record<string, Value> | ((name: string) => Value);

/** A wording template, read once: literal text (escaped once) and placeholders, some optional. */
type Segment = { literal: string; html: string } | { name: string } | { optional: Segment[]; names: string[] };
const compiled = new Map<string, Segment[]>();

function compile(template: string): Segment[] {
  let segments = compiled.get(template);
  if (segments) return segments;
  const plainSegments = (part: string): Segment[] => {
    const out: Segment[] = [];
    let last = 0;
    for (const match of part.matchAll(/\{(\w+)\}/g)) {
      const literal = part.slice(last, match.index);
      if (literal) out.push({ literal, html: escapeHtml(literal) });
      out.push({ name: match[1]! });
      last = match.index! + match[0].length;
    }
    const rest = part.slice(last);
    if (rest) out.push({ literal: rest, html: escapeHtml(rest) });
    return out;
  };
  segments = [];
  let last = 0;
  // `[[ … ]]` found with indexOf: a pattern would look for "]]" again from every "[[".
  for (let open = template.indexOf("[["); open >= 0; open = template.indexOf("[[", last)) {
    const close = template.indexOf("]]", open + 2);
    if (close < 0) break;
    segments.push(...plainSegments(template.slice(last, open)));
    const inner = template.slice(open + 2, close);
    segments.push({ optional: plainSegments(inner), names: [...inner.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!) });
    last = close + 2;
  }
  segments.push(...plainSegments(template.slice(last)));
  compiled.set(template, segments);
  return segments;
}

/**
 * Fill a wording template. Literal text is escaped; placeholders become links in HTML and plain
 * text in the text form. `[[ ... ]]` is an optional segment, dropped when a placeholder in it is
 * empty. A placeholder with no value stays as written (escaped). Templates are read once each.
 */
export function fillTemplate(template: string, values: Values): { html: string; text: string } {
  const get = typeof values === "function" ? values : (name: string) => values[name];
  let html = "";
  let text = "";
  const fill = (segments: Segment[]) => {
    for (const segment of segments) {
      if ("literal" in segment) {
        html += segment.html;
        text += segment.literal;
      } else if ("name" in segment) {
        const value = get(segment.name);
        if (value) {
          html += value.html;
          text += value.text;
        } else {
          html += escapeHtml(`{${segment.name}}`);
          text += `{${segment.name}}`;
        }
      } else if (segment.names.every((name) => get(name)?.text)) {
        fill(segment.optional);
      }
    }
  };
  fill(compile(template));
  // HTML's white space only (not JavaScript's \s): a no-break or ideographic space in a name stays as readers see it.
  return { html, text: text.replace(/[ \t\n\f\r]+/g, " ").replace(/^ | $/g, "") };
}

/** What stands at a reprint's address once it is expired or withdrawn: a notice, and the way to the original. */
export function renderTombstone(template: string, parts: BannerParts, note?: string): { html: string; text: string } {
  const sentence = fillTemplate(template, placeholders(parts));
  // A paragraph of its own, in the direction of its own first letter.
  const noteHtml = note ? `<p class="syndication-withdrawal-note" dir="auto">${escapeHtml(note)}</p>` : "";
  return {
    html: `<div class="syndication-tombstone"><p>${sentence.html}</p>${noteHtml}</div>`,
    text: note ? `${sentence.text} ${isolated(note).text}` : sentence.text,
  };
}

const plain = (value: string | undefined) => (value ? isolated(value) : undefined);

/** "Jane Doe (University of Leeds) and John Roe", each name and institution isolated. */
export function authorsOf(people: Person[]): Value {
  if (people.length === 0) return undefined;
  const each = people.map((p) => {
    const name = isolated(p.name);
    const affiliation = p.affiliation ? isolated(p.affiliation) : undefined;
    return affiliation ? { html: `${name.html} (${affiliation.html})`, text: `${name.text} (${affiliation.text})` } : name;
  });
  return { html: joinNames(each.map((v) => v.html)), text: joinNames(each.map((v) => v.text)) };
}

/**
 * The values of a wording's placeholders: the source links to the original, the licence to its
 * deed. In the credit (`cite`), the link is also the microformats `u-url` of the original.
 */
function placeholders(parts: BannerParts, cite = false): (name: string) => Value {
  return (name) => {
    switch (name) {
      case "source": {
        const name = isolated(parts.sourceName);
        return { html: `<a${cite ? ' class="u-url p-publication"' : ""} href="${escapeHtml(parts.originalUrl)}">${name.html}</a>`, text: name.text };
      }
      case "licence": {
        const name = isolated(parts.licence.name);
        const html = parts.licence.url ? `<a rel="license" href="${escapeHtml(parts.licence.url)}">${name.html}</a>` : name.html;
        return { html, text: name.text };
      }
      case "author":
        return authorsOf(parts.authors);
      case "title":
        return plain(parts.title);
      case "published":
        return plain(parts.published);
      default:
        return undefined;
    }
  };
}

/**
 * Machine-readable parts of the original that the sentence may not show: its title, authors and
 * date, as empty `data` and `time` elements (microformats h-cite).
 */
function citeData(parts: BannerParts): string {
  const title = parts.title ? `<data class="p-name" value="${escapeHtml(parts.title)}"></data>` : "";
  const authors = parts.authors.map((p) => `<data class="p-author" value="${escapeHtml(p.name)}"></data>`).join("");
  const date = parts.publishedIso ? `<time class="dt-published" datetime="${escapeHtml(parts.publishedIso)}"></time>` : "";
  return title + authors + date;
}

/**
 * The attribution banner: the credit sentence (after the excerpt sentence, for an excerpt), what
 * was changed, and the copyright notice. The credit is the microformats `u-repost-of` h-cite of
 * the original, for the page's h-entry.
 */
export function renderBanner(template: string, parts: BannerParts, extras: BannerExtras = {}): { html: string; text: string } {
  const sentence = fillTemplate(template, placeholders(parts, true));
  const excerpt = extras.excerpt ? fillTemplate(extras.excerpt, placeholders(parts)) : undefined;
  const changes =
    extras.changes && extras.changesText
      ? fillTemplate(extras.changes, (name) => (name === "changes" ? plain(extras.changesText) : placeholders(parts)(name)))
      : undefined;
  const lead = excerpt ? `<span class="syndication-excerpt">${excerpt.html}</span> ` : "";
  const changesHtml = changes ? `<p class="syndication-changes">${changes.html}</p>` : "";
  // The notice is a paragraph of its own, in the direction of its own first letter.
  const copyright = parts.copyright ? `<p class="syndication-copyright" dir="auto">${escapeHtml(parts.copyright)}</p>` : "";
  return {
    html: `<div class="syndication-banner"><p class="syndication-credit u-repost-of h-cite">${lead}${sentence.html}${citeData(parts)}</p>${changesHtml}${copyright}</div>`,
    text: [excerpt?.text, sentence.text, changes?.text].filter(Boolean).join(" "),
  };
}

/** The link that ends an excerpt: "Read the full article at <source>." */
export function renderReadMore(template: string, parts: BannerParts): { html: string; text: string } {
  const sentence = fillTemplate(template, placeholders(parts));
  return { html: `<p class="syndication-read-more">${sentence.html}</p>`, text: sentence.text };
}

/**
 * eleventy-img's HTML transform leaves an `<img>` with this attribute alone and removes the
 * attribute: without it, the transform downloads a tracking pixel at build time (a page view that
 * no reader made) and replaces it with a local copy, so readers' views are never counted.
 */
export const IMAGE_OPT_OUT = "eleventy:ignore";

/**
 * The publisher's tracking pixel: a 1×1 image, with no text for screen readers. `eleventy:ignore`
 * keeps image transforms (eleventy-img) from downloading and replacing it; the plugin takes the
 * attribute off pages where no transform did.
 */
export function pixelHtml(url: string): string {
  return `<img ${IMAGE_OPT_OUT} class="syndication-pixel" src="${escapeHtml(url)}" alt="" width="1" height="1">`;
}
