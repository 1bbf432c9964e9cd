import { DateTime } from "luxon";
import type { ReprintDate } from "../types.js";
import { quote } from "../util/text.js";

export type DateResult = { ok: true; date: DateTime; dateOnly: boolean } | { ok: false; message: string; fix: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

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

/**
 * Read a front-matter date: a YAML date (which arrives as UTC midnight) or ISO 8601 text.
 * Dates without a time are kept in UTC so that formatting never moves them by a day.
 */
export function parseDate(value: unknown): DateResult {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return invalid(String(value));
    const date = DateTime.fromJSDate(value, { zone: "utc" });
    const dateOnly = date.hour === 0 && date.minute === 0 && date.second === 0 && date.millisecond === 0;
    return { ok: true, date, dateOnly };
  }
  if (typeof value === "string") {
    const written = value.trim();
    // Other text with a space for the "T" (`2021-12-14 10:00`) is read as ISO too.
    const text = yamlTimestampAsIso(written) ?? written.replace(/^(\d{4}-\d\d-\d\d) +(?=\d)/, "$1T");
    const dateOnly = DATE_ONLY.test(text);
    if (dateOnly) {
      // The common case, without luxon's general ISO parser (a tenth of the time): a calendar day.
      const [y, m, d] = text.split("-").map(Number) as [number, number, number];
      // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
      const check = new Date(0);
      check.setUTCFullYear(y, m - 1, d);
      if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return invalid(written);
      return { ok: true, date: DateTime.fromMillis(check.getTime(), { zone: "utc" }), dateOnly: true };
    }
    // luxon reads 24:00 as the next day's midnight (as ISO 8601 once allowed): the date shown would
    // not be the date written, as with any other time YAML would roll over.
    if (/^[^T]*T24:/i.test(text)) return invalid(written);
    // A time without an offset is read as UTC, never as the build machine's zone.
    const date = DateTime.fromISO(text, { zone: "utc", setZone: true });
    if (!date.isValid) return invalid(written);
    return { ok: true, date, dateOnly };
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

/** Formatted dates by ISO form, format and locale: a site has many reprints of the same day. */
const formatted = new Map<string, string>();

/**
 * The ISO form and the formatted text that templates receive. The text is formatted when first
 * read (luxon's formatting is the costly part, and `check` reads it only for warnings).
 */
export function formatDate(date: DateTime, dateOnly: boolean, format: string, locale: string): ReprintDate {
  const iso = (dateOnly ? date.toISODate() : date.toISO()) ?? "";
  const result = { iso } as ReprintDate;
  Object.defineProperty(result, "formatted", {
    enumerable: true,
    configurable: true,
    get() {
      const key = `${iso}\u0000${format}\u0000${locale}`;
      let text = formatted.get(key);
      if (text === undefined) {
        text = date.setLocale(locale).toFormat(format);
        if (formatted.size > 100_000) formatted.clear();
        formatted.set(key, text);
      }
      Object.defineProperty(result, "formatted", { value: text, enumerable: true, writable: true, configurable: true });
      return text;
    },
  });
  return result;
}

/**
 * When the right to show a reprint ends. A date without a time is a whole day, in UTC: the
 * reprint may be shown through that day (`expires: 2025-06-10` ends at 2025-06-11T00:00Z).
 */
export function endOf(expires: ReprintDate): number {
  return DATE_ONLY.test(expires.iso) ? Date.parse(`${expires.iso}T00:00:00Z`) + 86_400_000 : Date.parse(expires.iso);
}
