import { createRequire } from "node:module";
import type { ReprintDate } from "../types.js";
import { quote } from "../util/text.js";

/**
 * luxon, loaded the first time it is needed: to format a date that a template or a message shows,
 * to read a date in an ISO 8601 form the arithmetic below does not (week or ordinal dates, basic
 * format), or to add a publisher's `expiresAfter`. A build of plain dates never loads it.
 */
const require = createRequire(import.meta.url);
let luxon: typeof import("luxon") | undefined;
const lib = () => (luxon ??= require("luxon") as typeof import("luxon"));

/**
 * A date as the plugin keeps it: plain values, no library object. `iso` is what templates and
 * JSON-LD receive: `YYYY-MM-DD` for a calendar day; for a date-time, with milliseconds and the
 * offset the writer gave (`Z` for UTC or none), as luxon writes it.
 */
export interface PlainDate {
  /** The instant (a calendar day: its start in UTC), in milliseconds since 1970. */
  millis: number;
  iso: string;
  /** A calendar day without a time. */
  dateOnly: boolean;
}

export type DateResult = { ok: true; date: PlainDate; dateOnly: boolean } | { ok: false; message: string; fix: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** The date-times the arithmetic reads: ISO 8601's extended form, seconds, fraction and offset optional. */
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?(?:(Z)|([+-])(\d\d):(\d\d))?$/;
const DAY = 86_400_000;

/** Text that YAML reads as a timestamp (and would roll over if the day or month is out of range). */
export function isCalendarText(text: string): boolean {
  return /^\d{4}-\d\d?-\d\d?([Tt \t]|$)/.test(text.trim().replace(/^["']|["']$/g, ""));
}

/**
 * A YAML (1.1) timestamp in parts: year, month, day, then optionally hour, minute, second,
 * fraction, and `Z` or a sign with zone hours and minutes.
 */
export const YAML_TIMESTAMP =
  /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(?:([Zz])|([-+])(\d\d?)(?::?(\d\d))?))?)?$/;

/**
 * YAML's timestamp (YAML 1.1, which Eleventy's js-yaml reads) as ISO 8601 text, or undefined for
 * other text. YAML allows what ISO does not: a space or tab instead of "T", one-digit months, days
 * and hours, a space before the zone, a zone of hours alone (`-5`), a fraction of any length.
 * The YAML spec's own example is `2001-12-14 21:59:43.10 -5`.
 */
export function yamlTimestampAsIso(text: string): string | undefined {
  const m = YAML_TIMESTAMP.exec(text);
  // A calendar day alone is ISO already (or not a date).
  if (!m || m[4] === undefined) return undefined;
  const [, y, mo, d, h, mi, s, fraction, z, sign, zh, zm] = m;
  const two = (n: string) => n.padStart(2, "0");
  const zone = z ? "Z" : sign ? `${sign}${two(zh!)}:${zm ?? "00"}` : "";
  return `${y}-${two(mo!)}-${two(d!)}T${two(h!)}:${mi}:${s}${fraction ? `.${fraction.slice(0, 9)}` : ""}${zone}`;
}

/** The instant of a time of day in UTC; undefined where the day is not in its month. setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999. */
function utc(y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.getTime() + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * An ISO date-time of the common form, read by arithmetic, with the result luxon gives (its
 * milliseconds are the fraction's first three digits, as luxon reads them). Undefined for
 * anything else, which luxon then reads.
 */
function plainDateTime(text: string): PlainDate | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((n) => (n === undefined ? undefined : Number(n))) as number[];
  const offset = m[9] ? (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  if (h! > 23 || mi! > 59 || s > 59 || Number(m[10] ?? 0) > 23 || Number(m[11] ?? 0) > 59) return undefined;
  const ms = m[7] === undefined ? 0 : Math.floor(parseFloat(`0.${m[7]}`) * 1000);
  const local = utc(y!, mo!, d!, h, mi, s, ms);
  if (local === undefined) return undefined;
  const zone = offset === 0 ? "Z" : `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(s)}.${pad(ms, 3)}${zone}`;
  return { millis: local - offset * 60_000, iso, dateOnly: false };
}

/** A luxon date-time as a plain date. */
function fromLuxon(date: import("luxon").DateTime, dateOnly: boolean): PlainDate {
  return { millis: date.toMillis(), iso: (dateOnly ? date.toISODate() : date.toISO()) ?? "", dateOnly };
}

/**
 * Read a front-matter date: a YAML date (which arrives as UTC midnight) or ISO 8601 text.
 * Dates without a time are kept in UTC so that formatting never moves them by a day. Calendar
 * days and the usual date-times are read by arithmetic; luxon reads the other ISO forms.
 */
export function parseDate(value: unknown): DateResult {
  if (value instanceof Date) {
    const millis = value.getTime();
    if (Number.isNaN(millis)) return invalid(String(value));
    const dateOnly = ((millis % DAY) + DAY) % DAY === 0;
    const year = value.getUTCFullYear();
    // The years ISO writes with four digits; luxon writes the others (with a sign).
    if (year < 0 || year > 9999) return { ok: true, date: fromLuxon(lib().DateTime.fromMillis(millis, { zone: "utc" }), dateOnly), dateOnly };
    const iso = value.toISOString();
    return { ok: true, date: { millis, iso: dateOnly ? iso.slice(0, 10) : iso, dateOnly }, dateOnly };
  }
  if (typeof value === "string") {
    const written = value.trim();
    // Other text with a space for the "T" (`2021-12-14 10:00`) is read as ISO too.
    const text = yamlTimestampAsIso(written) ?? written.replace(/^(\d{4}-\d\d-\d\d) +(?=\d)/, "$1T");
    if (DATE_ONLY.test(text)) {
      const [y, m, d] = text.split("-").map(Number) as [number, number, number];
      const millis = utc(y, m, d);
      if (millis === undefined) return invalid(written);
      return { ok: true, date: { millis, iso: text, dateOnly: true }, dateOnly: true };
    }
    // luxon reads 24:00 as the next day's midnight (as ISO 8601 once allowed): the date shown would
    // not be the date written, as with any other time YAML would roll over.
    if (/^[^T]*T24:/i.test(text)) return invalid(written);
    const plain = plainDateTime(text);
    if (plain) return { ok: true, date: plain, dateOnly: false };
    // A time without an offset is read as UTC, never as the build machine's zone.
    const date = lib().DateTime.fromISO(text, { zone: "utc", setZone: true });
    if (!date.isValid) return invalid(written);
    return { ok: true, date: fromLuxon(date, false), dateOnly: false };
  }
  return {
    ok: false,
    message: `must be a date, not ${value === null ? "null" : typeof value}`,
    fix: "write it as YYYY-MM-DD, for example 2021-12-14",
  };
}

function invalid(text: string): DateResult {
  return {
    ok: false,
    message: `${quote(text)} is not a valid date`,
    fix: "write it as YYYY-MM-DD, for example 2021-12-14, or as an ISO 8601 date-time",
  };
}

/** Is this text an ISO 8601 duration ("P30D", "PT20H")? */
export function isDuration(text: string): boolean {
  return lib().Duration.fromISO(text).isValid;
}

/** A date (its ISO form) plus an ISO 8601 duration, in the date's own offset; a calendar day stays a calendar day. */
export function addDuration(iso: string, duration: string): PlainDate {
  const { DateTime, Duration } = lib();
  return fromLuxon(DateTime.fromISO(iso, { zone: "utc", setZone: true }).plus(Duration.fromISO(duration)), DATE_ONLY.test(iso));
}

/** Formatted dates by ISO form, format and locale: a site has many reprints of the same day. */
const formatted = new Map<string, string>();

/** A date as a format and locale show it, formatted once for each distinct date. */
export function formatIso(iso: string, format: string, locale: string): string {
  const key = `${iso}\u0000${format}\u0000${locale}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = lib().DateTime.fromISO(iso, { zone: "utc", setZone: true }).setLocale(locale).toFormat(format);
    if (formatted.size > 100_000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/**
 * The ISO form and the formatted text that templates receive. The text is formatted when first
 * read (a build whose templates and messages show no date formats none).
 */
export function formatDate(date: PlainDate, format: string, locale: string): ReprintDate {
  const iso = date.iso;
  return {
    iso,
    get formatted() {
      const text = formatIso(iso, format, locale);
      Object.defineProperty(this, "formatted", { value: text, enumerable: true, writable: true, configurable: true });
      return text;
    },
  };
}

/**
 * When the right to show a reprint ends. A date without a time is a whole day, in UTC: the
 * reprint may be shown through that day (`expires: 2025-06-10` ends at 2025-06-11T00:00Z).
 */
export function endOf(expires: ReprintDate): number {
  return DATE_ONLY.test(expires.iso) ? Date.parse(`${expires.iso}T00:00:00Z`) + 86_400_000 : Date.parse(expires.iso);
}
