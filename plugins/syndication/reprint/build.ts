/**
 * A valid reprint's data for layouts, the head and the banner, built from the values the rules
 * passed: the source with its preset, the licence, the dates, and the banner and notice rendered.
 */
import { renderBanner, renderTombstone, renderReadMore, chooseWording, wordingKey, pixelHtml, authorsOf, type BannerParts } from "../render/banner.js";
import type { ResolvedOptions } from "./options.js";
import { parseLicence } from "./licences.js";
import type { Values } from "./values.js";
import type { Licence, Person, Reprint } from "../types.js";

/** "Jane Doe (University of Leeds) and John Roe", a name with a direction control isolated. */
export function byline(authors: Person[]): string {
  return authorsOf(authors)?.text ?? "";
}

/** What the banner, the notice and an excerpt's closing link say of a reprint. */
function bannerParts(values: Values, reprint: Omit<Reprint, "banner" | "byline" | "indexing" | "status">): BannerParts {
  const published = values.published;
  const parts: BannerParts = {
    sourceName: reprint.source.name,
    originalUrl: reprint.originalUrl,
    licence: reprint.licence,
    authors: reprint.authors,
    ...(reprint.title !== undefined ? { title: reprint.title } : {}),
    ...(published ? { publishedIso: published.date.iso } : {}),
    ...(reprint.copyright !== undefined ? { copyright: reprint.copyright } : {}),
  };
  // Formatting a date with luxon costs: only a sentence that says {published} asks for it.
  if (published) Object.defineProperty(parts, "published", { get: () => published.date.formatted, enumerable: true });
  return parts;
}

/** The reprint, from values no rule found an error in. `render: false` (the command) leaves the banner and notice out. */
export function buildReprint(values: Values, options: ResolvedOptions, render = true): Reprint {
  const { entry, published, expires, withdrawal, embargo } = values;
  const base = reprintBase(values);
  const { licence, authors, copyright, changes, title } = base;
  const status: Reprint["status"] = withdrawal ? "withdrawn" : values.ended ? "expired" : values.embargoed ? "embargoed" : "live";
  const { banner, tombstone, readMore } = renderNotices(values, options, base, status, render);
  return {
    source: base.source,
    originalUrl: base.originalUrl,
    licence,
    authors,
    byline: byline(authors),
    ...(copyright !== undefined ? { copyright } : {}),
    excerpt: base.excerpt,
    ...(changes !== undefined ? { changes } : {}),
    ...(base.images ? { images: base.images } : {}),
    ...(values.permission ? { permission: values.permission } : {}),
    ...(base.pixel ? { pixel: base.pixel } : {}),
    ...(readMore ? { readMore } : {}),
    ...(published ? { published: published.date } : {}),
    ...(expires ? { expires: expires.date } : {}),
    ...(embargo ? { embargo: embargo.date } : {}),
    withdrawn: base.withdrawn,
    ...(base.withdrawal ? { withdrawal: base.withdrawal } : {}),
    status,
    previousUrls: values.previousUrls,
    // A notice that stands where an article was must not be indexed, here or instead of the original.
    indexing: tombstone ? "both" : ((values.text("indexing") as Reprint["indexing"] | undefined) ?? entry?.indexing ?? options.indexing),
    ...(title !== undefined ? { title } : {}),
    banner,
    ...(tombstone ? { tombstone } : {}),
  };
}

/** What the reprint says of its source, licence, dates and changes, before anything is rendered. */
function reprintBase(values: Values) {
  const { entry, entryKey, published, expires, withdrawal } = values;
  const sourceUrl = values.text("sourceUrl") ?? entry?.url;
  const copyright = (values.text("copyright") ?? entry?.copyright)?.replace(/\{year\}/g, published?.date.iso.slice(0, 4) ?? "{year}");
  const changes = values.text("changes");
  const pixel = values.text("pixel");
  const title = typeof values.input.title === "string" && values.input.title.trim() !== "" ? values.input.title.trim() : undefined;
  return {
    source: { ...(entryKey !== undefined ? { key: entryKey } : {}), name: entry?.name ?? values.text("source")!, ...(sourceUrl !== undefined ? { url: sourceUrl } : {}) },
    originalUrl: values.text("originalUrl")!,
    licence: (values.licence.result as { licence: Licence }).licence,
    authors: values.authors ?? [],
    ...(copyright !== undefined ? { copyright } : {}),
    excerpt: values.raw.excerpt === true,
    ...(changes !== undefined ? { changes } : {}),
    ...(pixel !== undefined ? { pixel: { url: pixel, html: pixelHtml(pixel) } } : {}),
    ...(values.images.length > 0 ? { images: values.images.map((i) => ({ ...i, licence: (parseLicence(i.licence) as { licence: Licence }).licence })) } : {}),
    ...(published ? { published: published.date } : {}),
    ...(expires ? { expires: expires.date } : {}),
    withdrawn: withdrawal !== undefined,
    ...(withdrawal && (withdrawal.date || withdrawal.note) ? { withdrawal } : {}),
    previousUrls: values.previousUrls,
    ...(title !== undefined ? { title } : {}),
  };
}

/** The banner, the notice that stands where a withdrawn or expired article was, and an excerpt's closing link. */
function renderNotices(values: Values, options: ResolvedOptions, base: ReturnType<typeof reprintBase>, status: Reprint["status"], render: boolean) {
  const { entry, withdrawal } = values;
  const { changes } = base;
  const sentence = (key: Parameters<typeof chooseWording>[2]) => chooseWording(options, values.input.lang, key, entry?.wording);
  const parts = () => bannerParts(values, base);
  const banner = render
    ? renderBanner(sentence(wordingKey(base.licence.kind)), parts(), {
        ...(base.excerpt ? { excerpt: sentence("excerpt") } : {}),
        ...(changes !== undefined ? { changes: sentence("changes"), changesText: changes } : {}),
      })
    : { html: "", text: "" };
  const tombstone = status === "live" || status === "embargoed" || !render ? undefined : renderTombstone(sentence("tombstone"), parts(), withdrawal?.note);
  const readMore = base.excerpt && render ? renderReadMore(sentence("readMore"), parts()) : undefined;
  return { banner, tombstone, readMore };
}
