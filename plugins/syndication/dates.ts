import { DateTime } from "luxon";
import type { ReprintDate } from "./types.js";
import { quote } from "./text.js";

export type DateResult = { ok: true; date: DateTime; dateOnly: boolean } | { ok: false; message: string; fix: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Text that YAML reads as a timestamp (and would roll over if the day or month is out of range). */
export function isCalendarText(text: string): boolean {
  return /^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(text.trim().replace(/^["']|["']$/g, ""));
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
    // YAML also writes timestamps with a space: "2021-12-14 10:00:00".
    const text = value.trim().replace(/^(\d{4}-\d\d-\d\d) +(?=\d)/, "$1T");
    const dateOnly = DATE_ONLY.test(text);
    if (dateOnly) {
      // The common case, without luxon's general ISO parser (a tenth of the time): a calendar day.
      const [y, m, d] = text.split("-").map(Number) as [number, number, number];
      const ms = Date.UTC(y, m - 1, d);
      const check = new Date(ms);
      if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return invalid(text);
      return { ok: true, date: DateTime.fromMillis(ms, { zone: "utc" }), dateOnly: true };
    }
    // A time without an offset is read as UTC, never as the build machine's zone.
    const date = DateTime.fromISO(text, { zone: "utc", setZone: true });
    if (!date.isValid) return invalid(text);
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
