/**
 * The verdict, once every page is read and has its address and none has rendered: the site's
 * rules over the pages' outcomes, every finding placed at its line, and what the lock says.
 */
import { runRules, isError, type RawFinding } from "../rules/run.js";
import { lockVerdict, type LockVerdict } from "../reprint/lock-check.js";
import { place } from "./place.js";
import { displayPath } from "../util/paths.js";
import type { DataFileRules } from "./datafiles.js";
import type { AddressedPage, PageOutcome, Unreadable } from "../reprint/outcome.js";
import type { ResolvedOptions } from "../reprint/options.js";
import { sortFindings, type Finding } from "../report/finding.js";
import type { Redirect } from "../reprint/lock.js";
import type { ReprintRow } from "./command.js";

/** What the page stage left for the verdict. */
export interface PagesRead {
  /** Reprints by input path. */
  pages: Map<string, PageOutcome>;
  /** What the page rules found, page by page. */
  findings: RawFinding[];
  unreadable: Map<string, Unreadable>;
}

export interface SiteVerdict {
  /** Errors and warnings, placed. */
  findings: Finding[];
  redirects: Redirect[];
  /** The lock's new text, for the end of a build that succeeds. */
  lockText?: string;
}

const byPath = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Run the site's rules. `write` is true when this run may write the lock, else why not; `rules`
 * says how the site names its data files (to name the one that set a field).
 */
export function siteVerdict(read: PagesRead, items: AddressedPage[], options: ResolvedOptions, write: true | string, rules: () => DataFileRules): SiteVerdict {
  // In file order, so that which of two files is "the first" never depends on build order.
  const pages = new Map([...read.pages].sort(byPath));
  const found: RawFinding[] = [...read.findings];
  let lock: LockVerdict | undefined;
  runRules("site", {
    options,
    pages,
    items,
    unreadable: read.unreadable,
    othersFailed: () => found.some(isError),
    lock: () => (lock ??= lockVerdict(pages, items, options, write, found.some(isError))),
  }, "", found);
  const verdict = lock ?? lockVerdict(pages, items, options, write, true);
  // In the order every report prints them, so that the build, check and its JSON list them alike.
  const placed = found.length > 0 ? sortFindings(place(found, rules())) : [];
  return { findings: placed, redirects: verdict.redirects, ...(verdict.write !== undefined && !placed.some(isError) ? { lockText: verdict.write } : {}) };
}

/** One row per reprint, in file order; a reprint with an error, its own or shared with another file, is "invalid". */
export function reprintRows(read: PagesRead, items: AddressedPage[], findings: Finding[]): ReprintRow[] {
  const urls = new Map(items.map((item) => [item.inputPath, item.url]));
  const broken = new Set(findings.filter(isError).map((f) => f.file));
  const rows = [...read.pages].map(([inputPath, { reprint: r }]): ReprintRow => {
    const url = urls.get(inputPath);
    return {
      file: displayPath(inputPath),
      source: r?.source.name ?? "",
      licence: r?.licence.label ?? "",
      published: r?.published?.iso ?? "",
      status: r && !broken.has(displayPath(inputPath)) ? r.status : "invalid",
      expires: r?.expires?.iso ?? "",
      address: typeof url === "string" ? url : url === false ? "(no page)" : "",
    };
  });
  for (const file of read.unreadable.keys()) {
    rows.push({ file: displayPath(file), source: "", licence: "", published: "", status: "invalid", expires: "", address: "" });
  }
  return rows.sort((a, b) => a.file.localeCompare(b.file));
}
