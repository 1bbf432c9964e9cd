/**
 * A page's `syndication` block read once into values: text trimmed, the source looked up, the
 * licence and dates parsed, the end of the right to show it worked out. The rules judge these
 * values; the reprint is built from them once no rule found an error. Nothing here reports.
 */
import { addDuration, endOf, formatDate, isCalendarText, parseDate, type DateResult } from "./dates.js";
import { parseLicence, type LicenceResult } from "./licences.js";
import { shapeIssues, type ShapeIssue } from "./fields.js";
import { jsonText, unprintableTexts } from "../util/text.js";
import type { ResolvedOptions, ResolvedSource } from "./options.js";
import type { Person, ReprintDate } from "../types.js";

/** What the page tells the rules besides its `syndication` block. */
export interface PageInput {
  /** `data.syndication`, as Eleventy merged it. */
  block: unknown;
  title?: unknown;
  lang?: unknown;
  /** Date fields as written in the file, where YAML gave dates: catches dates YAML rolled over. */
  written?: Map<string, string>;
  /** The body as the file holds it, for the digest of the no-edit rule. */
  body?: string;
}

export interface DateValue {
  date: ReprintDate;
  millis: number;
}

export interface Values {
  input: PageInput;
  /** The block, or `{}` when it is not an object of fields. */
  raw: Record<string, unknown>;
  isObject: boolean;
  shape: ShapeIssue[];
  unprintable: Array<{ field: string; code: string }>;
  /** Trimmed text of a field whose shape is right. */
  text(key: string): string | undefined;
  /** The `sources` entry the block's `source` names, with its key. */
  entryKey?: string;
  entry?: ResolvedSource;
  licence: LicenceValue;
  /** Each date field (`published`, `expires`, `withdrawn.date`) that is present, parsed as written. */
  dates: Map<string, DateResult>;
  published?: DateValue;
  /** `expires`, or the end the source's `expiresAfter` gives. */
  expires?: DateValue;
  withdrawal?: { date?: ReprintDate; note?: string };
  /** `embargo`, where it is a date and time with its zone (`embargo-zone` refuses one without). */
  embargo?: DateValue;
  /** The embargo has not ended: the reprint has no page yet. */
  embargoed: boolean;
  /** Expired or withdrawn: the page is a notice, and the publisher's rules for articles no longer apply. */
  ended: boolean;
  authors?: Person[];
  previousUrls: string[];
  /** `permission`, where its shape is right: who granted it, when (where that is a date), the reference. */
  permission?: { by: string; date?: ReprintDate; reference?: string };
  /** `images`, where its shape is right: each image's address, credit and licence as written. */
  images: Array<{ src: string; credit: string; licence: unknown }>;
}

export interface LicenceValue {
  /** The field the licence was read from (`license` when only the alias is there). */
  field: "licence" | "license";
  /** Both fields, naming different licences. */
  conflict: boolean;
  /** No licence in the block nor from the source. */
  missing: boolean;
  result?: LicenceResult;
}

/** Do two licence values name the same licence (`cc-by-4.0` and `CC-BY-4.0` do)? */
function sameLicence(a: unknown, b: unknown): boolean {
  const [x, y] = [parseLicence(a), parseLicence(b)];
  if (x.ok && y.ok) return x.licence.id === y.licence.id && x.licence.name === y.licence.name && x.licence.url === y.licence.url;
  const json = jsonText(a);
  return json !== undefined && json === jsonText(b);
}

function licenceOf(raw: Record<string, unknown>, entry: ResolvedSource | undefined): LicenceValue {
  const conflict = raw.license !== undefined && raw.licence !== undefined && !sameLicence(raw.licence, raw.license);
  const field = raw.licence === undefined && raw.license !== undefined ? "license" : "licence";
  const written = conflict ? undefined : (raw.licence ?? raw.license);
  const value = written ?? (raw.licence === undefined && raw.license === undefined ? entry?.licence : undefined);
  return { field, conflict, missing: value === undefined && !conflict, ...(value !== undefined ? { result: parseLicence(value) } : {}) };
}

/** A date field as written where YAML rolled it over (2021-13-45), else as YAML gave it. */
function dateOf(value: unknown, written: string | undefined): DateResult {
  return parseDate(value instanceof Date && written !== undefined && isCalendarText(written) ? written : value);
}

function peopleOf(value: unknown): Person[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((a: string | { name: string; affiliation?: string }) =>
    typeof a === "string"
      ? { name: a.trim() }
      : { name: a.name.trim(), ...(a.affiliation !== undefined ? { affiliation: a.affiliation.trim() } : {}) },
  );
}

function formatted(result: DateResult | undefined, options: ResolvedOptions): DateValue | undefined {
  if (!result?.ok) return undefined;
  return { date: formatDate(result.date, options.dateFormat, options.dateLocale), millis: result.date.millis };
}

/** The end a source's `expiresAfter` gives a reprint without `expires`, from its original date. */
function expiresAfter(published: DateValue, after: string, options: ResolvedOptions): DateValue {
  const end = addDuration(published.date.iso, after);
  return { date: formatDate(end, options.dateFormat, options.dateLocale), millis: end.millis };
}

/** Read a page's block into values. */
export function readValues(input: PageInput, options: ResolvedOptions): Values {
  const block = input.block;
  const isObject = block !== null && typeof block === "object" && !Array.isArray(block);
  const raw = isObject ? (block as Record<string, unknown>) : {};
  const shape = isObject ? shapeIssues(raw) : [];
  const unprintable = isObject ? unprintableTexts(raw) : [];
  const broken = new Set([...shape.filter((s) => s.kind === "type").map((s) => s.key), ...unprintable.map((p) => p.field)]);
  const text = (key: string) => (!broken.has(key) && typeof raw[key] === "string" ? (raw[key] as string).trim() : undefined);
  const source = text("source");
  const entryKey = source !== undefined && Object.hasOwn(options.sources, source) ? source : undefined;
  const entry = entryKey !== undefined ? options.sources[entryKey] : undefined;
  const withdrawnObject = raw.withdrawn instanceof Object ? (raw.withdrawn as Record<string, unknown>) : undefined;
  const dates = new Map<string, DateResult>();
  const permissionObject = !broken.has("permission") && raw.permission instanceof Object ? (raw.permission as Record<string, unknown>) : undefined;
  for (const [path, value] of [["published", raw.published], ["expires", raw.expires], ["embargo", raw.embargo], ["withdrawn.date", withdrawnObject?.date], ["permission.date", permissionObject?.date]] as const) {
    if (value !== undefined && (path !== "withdrawn.date" || !broken.has("withdrawn"))) dates.set(path, dateOf(value, input.written?.get(path)));
  }
  const published = formatted(dates.get("published"), options);
  let expires = formatted(dates.get("expires"), options);
  if (raw.expires === undefined && entry?.expiresAfter !== undefined && published) expires = expiresAfter(published, entry.expiresAfter, options);
  const withdrawn = broken.has("withdrawn") ? undefined : raw.withdrawn;
  const withdrawalDate = formatted(dates.get("withdrawn.date"), options)?.date;
  const note = typeof withdrawnObject?.note === "string" ? withdrawnObject.note.trim() : undefined;
  const withdrawal =
    withdrawn === undefined || withdrawn === false ? undefined : { ...(withdrawalDate ? { date: withdrawalDate } : {}), ...(note ? { note } : {}) };
  const embargo = embargoText(raw.embargo, input.written?.get("embargo")) === "zoned" ? formatted(dates.get("embargo"), options) : undefined;
  const ended = withdrawal !== undefined || (expires !== undefined && endOf(expires.date) <= options.now().getTime());
  const previousUrls = !broken.has("previousUrls") && Array.isArray(raw.previousUrls) ? (raw.previousUrls as string[]).map((u) => u.trim()) : [];
  return {
    input,
    raw,
    isObject,
    shape,
    unprintable,
    text,
    ...(entryKey !== undefined ? { entryKey, entry: entry! } : {}),
    licence: licenceOf(raw, entry),
    dates,
    ...(published ? { published } : {}),
    ...(expires ? { expires } : {}),
    ...(withdrawal ? { withdrawal } : {}),
    ...(embargo ? { embargo } : {}),
    embargoed: embargo !== undefined && embargo.millis > options.now().getTime(),
    ended,
    ...(!broken.has("author") ? { authors: peopleOf(raw.author) } : {}),
    previousUrls,
    ...(permissionObject ? { permission: permissionOf(permissionObject, formatted(dates.get("permission.date"), options)?.date) } : {}),
    images: !broken.has("images") && Array.isArray(raw.images)
      ? (raw.images as Array<{ src: string; credit: string; licence: unknown }>).map((i) => ({ src: i.src.trim(), credit: i.credit.trim(), licence: i.licence }))
      : [],
  };
}

/**
 * How an embargo is written: a moment (`zoned`: a date, a time and a zone, or a date-time a data
 * file gave as a Date), or `unzoned`: a day, or a time without its zone, whose moment would depend
 * on the clock of the machine that builds. Undefined where there is no embargo.
 */
export function embargoText(value: unknown, written: string | undefined): "zoned" | "unzoned" | undefined {
  if (value === undefined) return undefined;
  const text = written ?? (typeof value === "string" ? value : undefined);
  if (text === undefined) return value instanceof Date ? "zoned" : "unzoned";
  return /\d[T t]\d\d?:\d\d(?::\d\d(?:\.\d+)?)?[ \t]*(?:[Zz]|[-+]\d\d?(?::?\d\d)?)["']?$/.test(text.trim()) ? "zoned" : "unzoned";
}

function permissionOf(record: Record<string, unknown>, date: ReprintDate | undefined): NonNullable<Values["permission"]> {
  const reference = typeof record.reference === "string" ? record.reference.trim() : undefined;
  return { by: (record.by as string).trim(), ...(date ? { date } : {}), ...(reference ? { reference } : {}) };
}
