/** The rows of `eleventy-syndication report` as a table and as CSV. */
import { Duration } from "luxon";
import { showable } from "../util/text.js";
/** One row of `report`: what the command lists of each reprint. */
export interface ReportRow {
  file: string;
  source: string;
  licence: string;
  published: string;
  status: "live" | "expired" | "withdrawn" | "embargoed" | "invalid";
  expires: string;
  address: string;
}

const COLUMNS: Array<[keyof ReportRow, string]> = [
  ["file", "FILE"],
  ["source", "SOURCE"],
  ["licence", "LICENCE"],
  ["published", "ORIGINAL"],
  ["status", "STATUS"],
  ["expires", "EXPIRES"],
  ["address", "ADDRESS"],
];

/** A plain-text table, columns padded to their widest cell; a cell's escape sequences and line breaks shown escaped. */
export function formatTable(rows: ReportRow[]): string {
  const cells = [COLUMNS.map(([, title]) => title), ...rows.map((row) => COLUMNS.map(([key]) => showable(row[key] || "-")))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  return cells.map((line) => line.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
}

/**
 * What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): =, +, -, @, tab,
 * carriage return and line feed, the full-width forms some spreadsheets take for them, and NUL.
 */
const FORMULA_START = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV cell. A cell that a spreadsheet would run as a formula (a source named
 * `=HYPERLINK(…)`) gets a leading ' and is quoted, as OWASP advises: the spreadsheet shows it as
 * text. Otherwise RFC 4180: quoted where it holds a comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV with a header row, every cell safe to open in a spreadsheet. */
export function formatCsv(rows: ReportRow[]): string {
  const lines = [COLUMNS.map(([key]) => key).join(","), ...rows.map((row) => COLUMNS.map(([key]) => csvCell(row[key])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

/** "30d", "2w", "3m", "1y" or an ISO 8601 duration, in milliseconds; undefined if it is none of those. */
export function parseWithin(text: string): number | undefined {
  const short = /^(\d+)\s*([dwmy])$/i.exec(text.trim());
  const duration = short
    ? Duration.fromObject({ [{ d: "days", w: "weeks", m: "months", y: "years" }[short[2]!.toLowerCase() as "d"]]: Number(short[1]) })
    : Duration.fromISO(text.trim());
  const ms = duration.isValid ? duration.as("milliseconds") : NaN;
  return ms > 0 ? ms : undefined;
}
