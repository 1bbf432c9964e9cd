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
  /** The permission record (`syndication.permission`), where the reprint has one. */
  permission?: { by: string; date: string; reference: string };
}

/** One row of `report --permissions`: a reprint `with permission`, and who granted it. */
export interface PermissionRow {
  file: string;
  source: string;
  status: ReportRow["status"];
  grantedBy: string;
  date: string;
  reference: string;
}

/** The reprints under `licence: permission`, each with its record (empty cells where it has none). */
export function permissionRows(rows: ReportRow[]): PermissionRow[] {
  return rows
    .filter((row) => row.licence === "with permission")
    .map((row) => ({ file: row.file, source: row.source, status: row.status, grantedBy: row.permission?.by ?? "", date: row.permission?.date ?? "", reference: row.permission?.reference ?? "" }));
}

export const PERMISSION_COLUMNS: Array<[keyof PermissionRow, string]> = [
  ["file", "FILE"],
  ["source", "SOURCE"],
  ["status", "STATUS"],
  ["grantedBy", "GRANTED BY"],
  ["date", "DATE"],
  ["reference", "REFERENCE"],
];

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
export function formatTable<R extends object = ReportRow>(rows: R[], columns: Array<[keyof R, string]> = COLUMNS as unknown as Array<[keyof R, string]>): string {
  const cells = [columns.map(([, title]) => title), ...rows.map((row) => columns.map(([key]) => showable(String(row[key] ?? "") || "-")))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
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
export function formatCsv<R extends object = ReportRow>(rows: R[], columns: Array<[keyof R, string]> = COLUMNS as unknown as Array<[keyof R, string]>): string {
  const lines = [columns.map(([key]) => String(key)).join(","), ...rows.map((row) => columns.map(([key]) => csvCell(String(row[key] ?? ""))).join(","))];
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
