import { z } from "zod";
import { endOf, parseDate, formatDate, isCalendarText } from "./dates.js";
import { describe, parseLicence } from "./licences.js";
import { INDEXING_MODES, type ResolvedOptions, type ResolvedSource } from "./options.js";
import { suggest } from "../util/suggest.js";
import { checkUrl } from "./url.js";
import { checkSitePath } from "./sitepath.js";
import { jsonText, keyName, quote, unprintableProblems } from "../util/text.js";
import { type BannerParts, renderBanner, renderTombstone, renderReadMore, chooseWording, joinNames, wordingKey, pixelHtml, authorsOf } from "../render/banner.js";
import { DateTime, Duration } from "luxon";
import { bodyDigest, isDigest } from "./digest.js";
import type { Licence, Person, Reprint, ReprintDate } from "../types.js";

/** A problem with one field, before the file and line are known. */
export interface FieldProblem {
  field: string;
  message: string;
  fix: string;
}

/** What the page tells the validator besides its `syndication` object. */
export interface PageContext {
  title?: unknown;
  lang?: unknown;
  /** Fields' values as written in the file, where known: catches dates YAML rolled over. */
  written?: Map<string, string>;
  /** `false` when only the checks are wanted (the command): the banner and notice are not written. */
  render?: boolean;
  /** The body as the file holds it (after the front matter), for the digest of the no-edit rule. */
  body?: string;
}

const nonEmpty = z.string().trim().min(1);
const person = z.strictObject({ name: nonEmpty, affiliation: nonEmpty.optional() });

/** The shape of `syndication`; values are then checked field by field below. */
const shape = z.strictObject({
  source: nonEmpty.optional(),
  originalUrl: nonEmpty.optional(),
  licence: z.unknown().optional(),
  license: z.unknown().optional(),
  published: z.unknown().optional(),
  expires: z.unknown().optional(),
  author: z.union([nonEmpty, person, z.array(z.union([nonEmpty, person])).min(1)]).optional(),
  sourceUrl: nonEmpty.optional(),
  copyright: nonEmpty.optional(),
  withdrawn: z.union([z.boolean(), z.strictObject({ date: z.unknown().optional(), note: nonEmpty.optional() })]).optional(),
  indexing: z.enum(INDEXING_MODES as [string, ...string[]]).optional(),
  previousUrls: z.array(nonEmpty).optional(),
  excerpt: z.boolean().optional(),
  changes: nonEmpty.optional(),
  digest: nonEmpty.optional(),
  pixel: nonEmpty.optional(),
});

export const KNOWN_FIELDS = Object.keys(shape.shape);

/** How to fix a field whose value has the wrong type or is empty. */
const HOW: Record<string, string> = {
  source: "write the publisher's name, or the key of a publisher in the plugin's sources option",
  originalUrl: "give the article's address on the publisher's site, starting with https://",
  author: "write a name, { name: Jane Doe, affiliation: University of Leeds }, or a list of these",
  excerpt: "write true for an excerpt, or leave it out",
  changes: "say in a sentence what was changed, for example \"Dates changed to the day of publication here.\"",
  digest: "leave the digest the import command wrote, or remove the line",
  pixel: "give the address of the publisher's tracking image, starting with https://",
  sourceUrl: "give the publisher's home page, starting with https://",
  copyright: "write the notice as text, for example \"Copyright (c) 2021 RFE/RL, Inc.\"",
  withdrawn: "write true, or { date: 2024-05-01, note: \"Withdrawn at the publisher's request.\" }",
  previousUrls: "list the addresses this reprint had on this site, such as [/reprints/old-name/]",
  indexing: `use one of ${INDEXING_MODES.join(", ")}`,
};

/** Names editors reach for, and the field they mean (checked before spelling suggestions). */
const MEANT: Record<string, string> = {
  publisher: "source",
  url: "originalUrl",
  link: "originalUrl",
  canonical: "originalUrl",
  canonicalurl: "originalUrl",
  original: "originalUrl",
  originalurl: "originalUrl",
  date: "published",
  authors: "author",
  byline: "author",
  expiry: "expires",
  expiration: "expires",
};

/** What a field holds, where it is not plain text. */
const EXPECTED: Record<string, string> = {
  withdrawn: "true, false or { date, note }",
  author: "a name, { name, affiliation } or a list of these",
  excerpt: "true or false",
  previousUrls: "a list of addresses",
};

function fromZod(issue: z.core.$ZodIssue, raw: Record<string, unknown>): FieldProblem[] {
  if (issue.code === "unrecognized_keys" && issue.path.length > 0) {
    const parent = issue.path.join(".");
    return issue.keys.map((key) => ({
      field: `syndication.${parent}.${keyName(key)}`,
      message: "is not a field this plugin knows, so it would be ignored",
      fix: `remove it; ${parent} takes ${parent === "withdrawn" ? "date and note" : parent.startsWith("author") ? "name and affiliation" : "other fields"}`,
    }));
  }
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const guess = (Object.hasOwn(MEANT, key.toLowerCase()) ? MEANT[key.toLowerCase()] : undefined) ?? suggest(key, KNOWN_FIELDS);
      return {
        field: `syndication.${keyName(key)}`,
        message: "is not a field this plugin knows, so it would be ignored",
        fix: guess ? `did you mean "${guess}"?` : `remove it, or use one of ${KNOWN_FIELDS.join(", ")}`,
      };
    });
  }
  const key = String(issue.path[0]);
  const value = raw[key];
  let message: string;
  if (issue.code === "invalid_value") {
    message = `${quote(value)} is not allowed`;
  } else if (typeof value === "string" && value.trim() === "") {
    message = "is empty";
  } else if (Array.isArray(value) && value.length === 0) {
    message = "is an empty list";
  } else if (Array.isArray(value) && key === "author") {
    message = "has an entry that is not a name or { name, affiliation }";
  } else if (key === "author" && value !== null && typeof value === "object") {
    message = "must have a name, and may have an affiliation (both text), and nothing else";
  } else if (Array.isArray(value) && key === "previousUrls") {
    message = "has an entry that is not an address";
  } else if (key === "withdrawn" && issue.path.length > 1) {
    message = `has ${String(issue.path[1])} ${issue.path[1] === "note" ? "that is not text" : "of the wrong type"}`;
  } else {
    message = `must be ${EXPECTED[key] ?? "text"}, not ${describe(value)}`;
  }
  return [{ field: `syndication.${key}`, message, fix: HOW[key] ?? "correct the value" }];
}

function dateField(
  raw: Record<string, unknown>,
  key: "published" | "expires",
  page: PageContext,
  options: ResolvedOptions,
  problems: FieldProblem[],
): { date: ReprintDate; millis: number } | undefined {
  if (raw[key] === undefined) return undefined;
  const written = raw[key] instanceof Date ? page.written?.get(key) : undefined;
  const result = parseDate(written !== undefined && isCalendarText(written) ? written : raw[key]);
  if (!result.ok) {
    problems.push({ field: `syndication.${key}`, message: result.message, fix: result.fix });
    return undefined;
  }
  return {
    date: formatDate(result.date, result.dateOnly, options.dateFormat, options.dateLocale),
    millis: result.date.toMillis(),
  };
}

/** Do two licence values name the same licence (`cc-by-4.0` and `CC-BY-4.0` do)? */
function sameLicence(a: unknown, b: unknown): boolean {
  const [x, y] = [parseLicence(a), parseLicence(b)];
  if (x.ok && y.ok) return x.licence.id === y.licence.id && x.licence.name === y.licence.name && x.licence.url === y.licence.url;
  const json = jsonText(a);
  return json !== undefined && json === jsonText(b);
}

/** `withdrawn: true` or `{ date, note }`; undefined when the reprint is not withdrawn. */
function withdrawalOf(
  raw: Record<string, unknown>,
  page: PageContext,
  valid: boolean,
  options: ResolvedOptions,
  problems: FieldProblem[],
): { date?: ReprintDate; note?: string } | undefined {
  const value = raw.withdrawn;
  if (!valid || value === undefined || value === false) return undefined;
  if (value === true) return {};
  const { date, note } = value as { date?: unknown; note?: string };
  let when: ReprintDate | undefined;
  if (date !== undefined) {
    // As with published and expires: YAML rolls an impossible date over; the text as written does not.
    const written = date instanceof Date ? page.written?.get("withdrawn.date") : undefined;
    const parsed = parseDate(written !== undefined && isCalendarText(written) ? written : date);
    if (parsed.ok) when = formatDate(parsed.date, parsed.dateOnly, options.dateFormat, options.dateLocale);
    else problems.push({ field: "syndication.withdrawn.date", message: parsed.message, fix: parsed.fix });
  }
  return { ...(when ? { date: when } : {}), ...(note ? { note: note.trim() } : {}) };
}

export interface NormaliseResult {
  reprint?: Reprint;
  problems: FieldProblem[];
  /** The original URL when that field itself is valid, even if others are not (for uniqueness). */
  originalUrl?: string;
  /** What the build says but does not fail on (a body edited against the publisher's wishes). */
  warnings: FieldProblem[];
}

/** Authors as written: a name, { name, affiliation }, or a list of these. */
function peopleOf(value: unknown): Person[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((a: string | { name: string; affiliation?: string }) =>
    typeof a === "string"
      ? { name: a.trim() }
      : { name: a.name.trim(), ...(a.affiliation !== undefined ? { affiliation: a.affiliation.trim() } : {}) },
  );
}

/** "Jane Doe (University of Leeds) and John Roe", a name with a direction control isolated (see `isolated`). */
export function byline(authors: Person[]): string {
  return authorsOf(authors)?.text ?? "";
}

/** The publisher's rules, checked against what the front matter says. */
function checkRules(
  raw: Record<string, unknown>,
  entry: ResolvedSource | undefined,
  authors: Person[] | undefined,
  page: PageContext,
  problems: FieldProblem[],
  warnings: FieldProblem[],
): void {
  const rules = entry?.rules ?? {};
  const name = entry?.name ?? "The publisher";
  if (rules.excerpts === false && raw.excerpt === true) {
    problems.push({
      field: "syndication.excerpt",
      message: `is true, but ${name} allows its stories to be reprinted whole only`,
      fix: "reprint the whole story, or link to it instead",
    });
  }
  if (rules.affiliations && authors !== undefined) {
    const without = authors.filter((p) => !p.affiliation).map((p) => p.name);
    if (raw.author === undefined || without.length > 0) {
      problems.push({
        field: "syndication.author",
        message:
          raw.author === undefined
            ? `is missing, and ${name} asks that authors be credited with their institutions`
            : `names ${joinNames(without.slice(0, 3).map(quote))}${without.length > 3 ? " and others" : ""} without an institution, which ${name} asks for`,
        fix: "write each author as { name: Jane Doe, affiliation: University of Leeds }",
      });
    }
  }
  if (rules.pixel && raw.pixel === undefined) {
    problems.push({
      field: "syndication.pixel",
      message: `is missing, and ${name} requires its tracking pixel on every reprint`,
      fix: "copy the address of the pixel image (img src) from the publisher's republishing HTML",
    });
  }
  const digest = typeof raw.digest === "string" ? raw.digest.trim() : undefined;
  if (digest === undefined) return;
  if (!isDigest(digest)) {
    problems.push({ field: "syndication.digest", message: `${quote(digest)} is not a digest this plugin wrote`, fix: HOW.digest! });
    return;
  }
  if (page.body === undefined || raw.changes !== undefined || bodyDigest(page.body) === digest) return;
  const edited = {
    field: "syndication.digest",
    message: `does not match the text any more: the article was edited after it was imported${rules.noEdits === "error" ? `, and ${name} allows no edits` : ""}`,
    fix: "undo the edit, or say what changed in syndication.changes (the banner then tells readers)",
  };
  (rules.noEdits === "error" ? problems : warnings).push(edited);
}

/** Validate one page's `syndication` data and turn it into what templates and the head need. */
export function normalise(value: unknown, page: PageContext, options: ResolvedOptions): NormaliseResult {
  if (value === undefined || value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      problems: [
        {
          field: "syndication",
          message: value === undefined ? "is missing" : `must be an object of fields, not ${describe(value)}`,
          fix: "add a syndication: block with source, originalUrl and licence",
        },
      ],
      warnings: [],
    };
  }
  const raw = value as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const parsed = shape.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...fromZod(issue, raw));
  }
  problems.push(...unprintableProblems(raw));
  const broken = new Set(problems.map((p) => p.field));
  const ok = (key: string) => !broken.has(`syndication.${key}`);
  const str = (key: string) => (ok(key) && typeof raw[key] === "string" ? (raw[key] as string).trim() : undefined);

  // Source: a name, or a key of the sources registry.
  const sourceText = str("source");
  const entryKey = sourceText !== undefined && Object.hasOwn(options.sources, sourceText) ? sourceText : undefined;
  const entry = entryKey !== undefined ? options.sources[entryKey] : undefined;
  if (raw.source === undefined) {
    problems.push({ field: "syndication.source", message: "is missing", fix: HOW.source! });
  }

  // Original URL.
  const originalUrl = str("originalUrl");
  if (raw.originalUrl === undefined) {
    problems.push({ field: "syndication.originalUrl", message: "is missing", fix: HOW.originalUrl! });
  } else if (originalUrl !== undefined) {
    const bad = checkUrl(originalUrl);
    if (bad) problems.push({ field: "syndication.originalUrl", ...bad });
  }

  const sourceUrl = str("sourceUrl") ?? entry?.url;
  if (str("sourceUrl") !== undefined) {
    const bad = checkUrl(sourceUrl!);
    if (bad) problems.push({ field: "syndication.sourceUrl", message: bad.message, fix: HOW.sourceUrl! });
  }

  // Licence, with `license` as an alias.
  let licence: Licence | undefined;
  let licenceField = "licence";
  let licenceValue: unknown = raw.licence;
  if (raw.license !== undefined) {
    if (raw.licence !== undefined && !sameLicence(raw.licence, raw.license)) {
      problems.push({
        field: "syndication.license",
        message: `says ${quote(raw.license)} but licence says ${quote(raw.licence)}`,
        fix: "keep one of licence or license (they are the same field)",
      });
      licenceValue = undefined;
    } else {
      licenceValue = raw.license;
      licenceField = raw.licence === undefined ? "license" : "licence";
    }
  }
  if (licenceValue === undefined && raw.licence === undefined && raw.license === undefined) {
    if (entry?.licence !== undefined) {
      licenceValue = entry.licence;
    } else {
      problems.push({
        field: "syndication.licence",
        message: "is missing",
        fix: "say on what terms you reprint it: permission, public-domain, a Creative Commons id such as CC-BY-4.0, or { name, url }",
      });
    }
  }
  if (licenceValue !== undefined) {
    const result = parseLicence(licenceValue);
    if (result.ok) licence = result.licence;
    else problems.push({ field: `syndication.${licenceField}`, message: result.message, fix: result.fix });
  }

  const authors = ok("author") ? peopleOf(raw.author) : undefined;
  const pixel = str("pixel");
  if (pixel !== undefined) {
    const bad = checkUrl(pixel);
    if (bad) problems.push({ field: "syndication.pixel", message: bad.message, fix: HOW.pixel! });
  }

  const published = dateField(raw, "published", page, options, problems);
  let expires = dateField(raw, "expires", page, options, problems);
  if (raw.expires === undefined && entry?.expiresAfter !== undefined) {
    const duration = Duration.fromISO(entry.expiresAfter);
    if (raw.published === undefined) {
      problems.push({
        field: "syndication.published",
        message: `is missing, and ${entry.name} reprints may be shown for ${entry.expiresAfter} after the original date`,
        fix: "add the original publication date, or give syndication.expires",
      });
    } else if (published) {
      const end = DateTime.fromISO(published.date.iso, { zone: "utc", setZone: true }).plus(duration);
      expires = { date: formatDate(end, /^\d{4}-\d\d-\d\d$/.test(published.date.iso), options.dateFormat, options.dateLocale), millis: end.toMillis() };
    }
  }
  const withdrawal = withdrawalOf(raw, page, ok("withdrawn"), options, problems);
  // A reprint that has ended shows a notice, not the article: the publisher's rules for the
  // article (credits, pixel, notice, edits) no longer apply to it.
  const ended = withdrawal !== undefined || (expires !== undefined && endOf(expires.date) <= options.now().getTime());
  if (!ended) {
    checkRules(raw, entry, authors, page, problems, warnings);
    const notice = str("copyright") ?? entry?.copyright;
    if (raw.published === undefined && notice?.includes("{year}")) {
      problems.push({
        field: "syndication.published",
        message: `is missing, and the copyright notice${str("copyright") === undefined && entry ? ` of ${entry.name}` : ""} needs the year of the original ({year})`,
        fix: "add the original publication date, or write the year in syndication.copyright",
      });
    }
  }
  const previousUrls = ok("previousUrls") && Array.isArray(raw.previousUrls) ? (raw.previousUrls as string[]).map((u) => u.trim()) : [];
  previousUrls.forEach((address, index) => {
    const bad = checkSitePath(address);
    // The index tells two bad entries apart: the same problem twice names each.
    if (bad) problems.push({ field: `syndication.previousUrls[${index}]`, message: `${quote(address)} ${bad.reason}`, fix: bad.fix });
  });
  if (published && expires && expires.millis < published.millis) {
    problems.push({
      field: "syndication.expires",
      message: `(${expires.date.iso}) is before the original publication date (${published.date.iso})`,
      fix: "check both dates",
    });
  }

  const validUrl = originalUrl !== undefined && !problems.some((p) => p.field === "syndication.originalUrl");
  if (problems.length > 0 || sourceText === undefined || originalUrl === undefined || licence === undefined) {
    return { problems, warnings, ...(validUrl ? { originalUrl } : {}) };
  }

  const people: Person[] = authors ?? [];
  const withdrawn = withdrawal !== undefined;
  const status: Reprint["status"] = withdrawn ? "withdrawn" : ended ? "expired" : "live";
  const source = {
    ...(entryKey !== undefined ? { key: entryKey } : {}),
    name: entry?.name ?? sourceText,
    ...(sourceUrl !== undefined ? { url: sourceUrl } : {}),
  };
  const copyright = (str("copyright") ?? entry?.copyright)?.replace(/\{year\}/g, published?.date.iso.slice(0, 4) ?? "{year}");
  const changes = str("changes");
  const excerpt = raw.excerpt === true && ok("excerpt");
  const title = typeof page.title === "string" && page.title.trim() !== "" ? page.title.trim() : undefined;
  const render = page.render !== false;
  const parts = (): BannerParts => {
    const result: BannerParts = {
      sourceName: source.name,
      originalUrl,
      licence,
      authors: people,
      ...(title !== undefined ? { title } : {}),
      ...(published ? { publishedIso: published.date.iso } : {}),
      ...(copyright !== undefined ? { copyright } : {}),
    };
    // Formatting a date with luxon costs: only a sentence that says {published} asks for it.
    if (published) Object.defineProperty(result, "published", { get: () => published.date.formatted, enumerable: true });
    return result;
  };
  const sentence = (key: Parameters<typeof chooseWording>[2]) => chooseWording(options, page.lang, key, entry?.wording);
  const banner = render
    ? renderBanner(sentence(wordingKey(licence.kind)), parts(), {
        ...(excerpt ? { excerpt: sentence("excerpt") } : {}),
        ...(changes !== undefined ? { changes: sentence("changes"), changesText: changes } : {}),
      })
    : { html: "", text: "" };
  const tombstone =
    status === "live" || !render ? undefined : renderTombstone(sentence("tombstone"), parts(), withdrawal?.note);
  const readMore = excerpt && render ? renderReadMore(sentence("readMore"), parts()) : undefined;
  const reprint: Reprint = {
    source,
    originalUrl,
    licence,
    authors: people,
    byline: byline(people),
    ...(copyright !== undefined ? { copyright } : {}),
    excerpt,
    ...(changes !== undefined ? { changes } : {}),
    ...(pixel !== undefined ? { pixel: { url: pixel, html: pixelHtml(pixel) } } : {}),
    ...(readMore ? { readMore } : {}),
    ...(published ? { published: published.date } : {}),
    ...(expires ? { expires: expires.date } : {}),
    withdrawn,
    ...(withdrawal && (withdrawal.date || withdrawal.note) ? { withdrawal } : {}),
    status,
    previousUrls,
    // A notice that stands where an article was must not be indexed, here or instead of the original.
    indexing: tombstone
      ? "both"
      : ((str("indexing") as Reprint["indexing"] | undefined) ?? entry?.indexing ?? options.indexing),
    ...(title !== undefined ? { title } : {}),
    banner,
    ...(tombstone ? { tombstone } : {}),
  };
  return { reprint, problems: [], warnings, originalUrl };
}
