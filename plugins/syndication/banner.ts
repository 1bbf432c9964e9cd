import { escapeHtml } from "./escape.js";
import type { ResolvedOptions } from "./options.js";
import type { Licence, Wording } from "./types.js";

/** What a banner sentence is made of. */
export interface BannerParts {
  sourceName: string;
  originalUrl: string;
  licence: Licence;
  authors: string[];
  title?: string;
  published?: string;
  copyright?: string;
}

const KEY_BY_KIND: Record<Licence["kind"], keyof Wording> = {
  permission: "permission",
  "public-domain": "publicDomain",
  "creative-commons": "creativeCommons",
  custom: "custom",
};

/** Which sentence a licence kind uses. */
export const wordingKey = (kind: Licence["kind"]): keyof Wording => KEY_BY_KIND[kind];

/** A sentence template, in the page's language when the site gives one. */
export function chooseWording(options: ResolvedOptions, lang: unknown, key: keyof Wording): string {
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
 * Fill a wording template. Literal text is escaped; placeholders become links in HTML and plain
 * text in the text form. `[[ ... ]]` is an optional segment, dropped when a placeholder in it is empty.
 */
export function fillTemplate(
  template: string,
  values: Record<string, { html: string; text: string } | undefined>,
): { html: string; text: string } {
  const withOptional = template.replace(/\[\[(.*?)\]\]/gs, (_, inner: string) =>
    [...inner.matchAll(/\{(\w+)\}/g)].every((m) => values[m[1]!]?.text) ? inner : "",
  );
  let html = "";
  let text = "";
  let last = 0;
  for (const match of withOptional.matchAll(/\{(\w+)\}/g)) {
    const literal = withOptional.slice(last, match.index);
    html += escapeHtml(literal);
    text += literal;
    const value = values[match[1]!];
    if (value) {
      html += value.html;
      text += value.text;
    } else {
      html += escapeHtml(match[0]);
      text += match[0];
    }
    last = match.index! + match[0].length;
  }
  const rest = withOptional.slice(last);
  // HTML's white space only (not JavaScript's \s): a no-break or ideographic space in a name stays as readers see it.
  return { html: html + escapeHtml(rest), text: (text + rest).replace(/[ \t\n\f\r]+/g, " ").replace(/^ | $/g, "") };
}

/** What stands at a reprint's address once it is expired or withdrawn: a notice, and the way to the original. */
export function renderTombstone(template: string, parts: BannerParts, note?: string): { html: string; text: string } {
  const sentence = fillTemplate(template, placeholders(parts));
  const noteHtml = note ? `<p class="syndication-withdrawal-note">${escapeHtml(note)}</p>` : "";
  return {
    html: `<div class="syndication-tombstone"><p>${sentence.html}</p>${noteHtml}</div>`,
    text: note ? `${sentence.text} ${note}` : sentence.text,
  };
}

const plain = (value: string | undefined) => (value ? { html: escapeHtml(value), text: value } : undefined);

/** The values of a wording's placeholders: the source links to the original, the licence to its deed. */
function placeholders(parts: BannerParts): Record<string, { html: string; text: string } | undefined> {
  const { licence } = parts;
  const licenceLink = licence.url
    ? `<a rel="license" href="${escapeHtml(licence.url)}">${escapeHtml(licence.name)}</a>`
    : escapeHtml(licence.name);
  return {
    source: {
      html: `<a href="${escapeHtml(parts.originalUrl)}">${escapeHtml(parts.sourceName)}</a>`,
      text: parts.sourceName,
    },
    licence: { html: licenceLink, text: licence.name },
    author: plain(joinNames(parts.authors)),
    title: plain(parts.title),
    published: plain(parts.published),
  };
}

/** The attribution banner: the credit sentence, and the copyright notice when there is one. */
export function renderBanner(template: string, parts: BannerParts): { html: string; text: string } {
  const sentence = fillTemplate(template, placeholders(parts));
  const copyright = parts.copyright
    ? `<p class="syndication-copyright">${escapeHtml(parts.copyright)}</p>`
    : "";
  return {
    html: `<div class="syndication-banner"><p class="syndication-credit">${sentence.html}</p>${copyright}</div>`,
    text: sentence.text,
  };
}
