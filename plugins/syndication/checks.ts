/**
 * The checks a build and the `check` command share: every problem of every reprint, the
 * original URLs and addresses that must be unique, the lock, reprints that end soon.
 */
import { readFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import type { ResolvedOptions } from "./options.js";
import type { FieldProblem, NormaliseResult } from "./validate.js";
import { locateFields, writtenDates, type FieldLocations } from "./locate.js";
import { EMPTY_LOCK, originalKey, parseLock, reconcile, serializeLock, type CurrentReprint, type LockProblem, type Redirect } from "./lock.js";
import { endOf } from "./dates.js";
import { fieldKey, showable } from "./text.js";
import type { Problem } from "./types.js";
import type { PlacedProblem } from "./frontmatter.js";
import { fieldSource, type DataFileRules } from "./datafiles.js";

/** A page whose collection item has an address (or `false`, for `permalink: false`). */
export interface AddressedPage {
  inputPath: string;
  url: string | false;
}

export interface PageState {
  result: NormaliseResult;
  title?: string;
  /** The body's links, where the publisher asks that every one be kept. */
  links?: string[];
}

/** Each page's warnings (a body edited since import), by file in path order. */
export function warningsOf(state: Map<string, PageState>): Map<string, FieldProblem[]> {
  const found = new Map<string, FieldProblem[]>();
  for (const file of [...state.keys()].sort()) {
    const warnings = state.get(file)!.result.warnings;
    if (warnings.length > 0) found.set(file, warnings);
  }
  return found;
}

/** `./src/reprints/a.md` → `src/reprints/a.md`, the way an editor names the file. */
export const displayPath = (inputPath: string) => inputPath.replace(/^\.\//, "");

/** Is the page at this path inside the reprints folder? Compared as absolute paths. */
export function inReprintsDir(inputPath: string, inputDir: string, options: ResolvedOptions): boolean {
  const key = `${inputDir}\u0000${options.reprintsDir}`;
  let folder = reprintFolders.get(key);
  if (folder === undefined) reprintFolders.set(key, (folder = resolve(inputDir, options.reprintsDir) + sep));
  return resolve(inputPath).startsWith(folder);
}
const reprintFolders = new Map<string, string>();

/** The dates of a reprint's front matter as written; empty if the file cannot be read. */
export function readWrittenDates(inputPath: string, syndication: unknown): Map<string, string> {
  try {
    return writtenDates(readFileSync(inputPath, "utf8"), syndication);
  } catch {
    return new Map();
  }
}

/** Positions of a reprint's front-matter fields; empty if the file cannot be read. */
export function readLocations(inputPath: string): FieldLocations {
  try {
    return locateFields(readFileSync(inputPath, "utf8"));
  } catch {
    return { lines: new Map() };
  }
}

/**
 * Attach files and front-matter lines to every problem found this build. A problem that came with
 * its line (front matter that cannot be read) keeps it. A field that is not in the file itself is
 * said to come from the data file that set it, found with the site's data-file rules.
 */
export function locate(found: Map<string, PlacedProblem[]>, rules?: DataFileRules): Problem[] {
  const problems: Problem[] = [];
  for (const [inputPath, fieldProblems] of found) {
    const { lines } = readLocations(inputPath);
    for (const problem of fieldProblems) {
      if (problem.line !== undefined) {
        problems.push({ file: displayPath(inputPath), ...problem });
        continue;
      }
      const field = fieldKey(problem.field);
      const own = field !== undefined ? lines.get(field) : undefined;
      // A page-level field (permalink) points at its own line, or else at the front matter's start.
      const line = problem.field.startsWith("syndication")
        ? (own ?? lines.get("syndication") ?? lines.get(""))
        : (lines.get(`@${problem.field}`) ?? lines.get(""));
      // A field that is not in the file itself came from a directory or global data file.
      const elsewhere = field !== undefined && own === undefined && !problem.message.startsWith("is missing");
      const source = elsewhere && rules ? fieldSource(inputPath, field, rules) : undefined;
      problems.push({
        file: displayPath(inputPath),
        ...(line !== undefined ? { line } : {}),
        ...problem,
        ...(elsewhere ? { message: `${problem.message} (${source ? `set in ${source}` : "set in a data file"}, not in this file)` } : {}),
      });
    }
  }
  return problems;
}


/** Every problem of this build by file: each page's own, then those that involve two reprints. */
export function collectProblems(state: Map<string, PageState>, items: AddressedPage[]): Map<string, FieldProblem[]> {
  const found = new Map<string, FieldProblem[]>();
  const add = (inputPath: string, problem: FieldProblem) => {
    const list = found.get(inputPath) ?? [];
    list.push(problem);
    found.set(inputPath, list);
  };
  // In file order, so that which of two files is "the first" never depends on build order.
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byOriginal = new Map<string, string>();
  for (const [inputPath, { result }] of [...state].sort(([a], [b]) => byPath(a, b))) {
    for (const problem of result.problems) add(inputPath, problem);
    const url = result.originalUrl;
    if (url === undefined) continue;
    const key = originalKey(url);
    const first = byOriginal.get(key);
    if (first === undefined) {
      byOriginal.set(key, inputPath);
    } else {
      add(inputPath, {
        field: "syndication.originalUrl",
        message: `is the same as in ${displayPath(first)} (${url})`,
        fix: "reprint each original once: delete one of the two files, or correct its originalUrl",
      });
    }
  }
  const byAddress = new Map<string, string>();
  for (const item of [...items].sort((a, b) => byPath(a.inputPath, b.inputPath))) {
    if (!state.get(item.inputPath)?.result.reprint || typeof item.url !== "string") continue;
    const first = byAddress.get(item.url);
    if (first === undefined) {
      byAddress.set(item.url, item.inputPath);
    } else {
      add(item.inputPath, {
        field: "permalink",
        message: `gives the address ${item.url}, which ${displayPath(first)} already has`,
        fix: "rename one of the files, or give one an explicit permalink",
      });
    }
  }
  return found;
}

/** Hold this build's reprint addresses against the lock file: problems, redirects, what to write. */
export function checkLock(
  state: Map<string, PageState>,
  items: AddressedPage[],
  options: ResolvedOptions,
  readOnly = false,
): { problems: LockProblem[]; redirects: Redirect[]; write?: string; changes: string[] } {
  const current = new Map<string, CurrentReprint>();
  for (const item of items) {
    const reprint = state.get(item.inputPath)?.result.reprint;
    if (!reprint || typeof item.url !== "string" || current.has(reprint.originalUrl)) continue;
    current.set(reprint.originalUrl, {
      originalUrl: reprint.originalUrl,
      url: item.url,
      file: displayPath(item.inputPath),
      declaredMoves: reprint.previousUrls,
    });
  }
  const unlisted = [...state.values()].flatMap(({ result }) => (result.reprint ? [result.reprint.originalUrl] : []));
  // Reprints with `permalink: false`: no page at all, so no page at a published address.
  const unpublished = items.flatMap((item) => {
    const reprint = state.get(item.inputPath)?.result.reprint;
    return reprint && item.url === false ? [reprint.originalUrl] : [];
  });
  if (!options.lockFile) {
    return { problems: [], redirects: reconcile(EMPTY_LOCK, [...current.values()], unlisted).redirects, changes: [] };
  }
  const path = resolve(options.lockFile);
  const shown = displayPath(options.lockFile);
  let before: string | undefined;
  let lock = EMPTY_LOCK;
  try {
    before = readFileSync(path, "utf8");
    lock = parseLock(before);
  } catch (error) {
    if (before !== undefined) {
      const why = error instanceof Error ? error.message : String(error);
      return {
        problems: [{ file: shown, field: "lock", message: `cannot be read: ${why}`, fix: "restore it from version control, or delete it to start a new lock" }],
        redirects: [],
        changes: [],
      };
    }
  }
  const result = reconcile(lock, [...current.values()], unlisted, unpublished);
  const problems = [...result.problems];
  const taken = new Set(items.map((item) => item.url));
  for (const redirect of result.redirects) {
    if (!taken.has(redirect.from)) continue;
    problems.push({
      file: shown,
      field: "previousUrls",
      message: `${redirect.from} would redirect to ${redirect.to}, but a page of the site is there`,
      fix: "remove that address from syndication.previousUrls (and the lock), or move the page that has it",
    });
  }
  const after = serializeLock(result.next);
  // Compared as locks, not as text: line endings or indentation a checkout changed are no change.
  const same = before !== undefined && serializeLock(lock) === after;
  const empty = Object.keys(result.next.reprints).length === 0;
  const { redirects, changes } = result;
  if (same || (before === undefined && empty) || problems.length > 0 || readOnly) {
    return { problems, redirects, changes: same ? [] : changes };
  }
  if (inCI() && !options.updateLockInCI) {
    problems.push({
      file: shown,
      field: "lock",
      message: `would change in CI (${changes.join("; ")})`,
      fix: `build locally and commit ${shown}, or set the plugin option updateLockInCI: true`,
    });
    return { problems, redirects, changes };
  }
  return { problems, redirects, changes, write: after };
}

/** Is this a CI run? `CI` set to anything but "", "0" or "false" (services say "true", "1", ...). */
export function inCI(): boolean {
  const value = (process.env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

/** Newest original date first; reprints without a date after those with one. */
export function byOriginalDate(state: Map<string, PageState>) {
  const time = (item: AddressedPage) => {
    const iso = state.get(item.inputPath)?.result.reprint?.published?.iso;
    return iso ? Date.parse(iso) : -Infinity;
  };
  return (a: AddressedPage, b: AddressedPage) => time(b) - time(a) || a.inputPath.localeCompare(b.inputPath);
}

/** Reprints whose right to be shown ends soon: each named, with the date. */
export function expiringSoon(state: Map<string, PageState>, options: ResolvedOptions): string[] {
  const now = options.now().getTime();
  const horizon = now + options.expiryWarningDays * 86_400_000;
  const messages: string[] = [];
  for (const [inputPath, { result }] of state) {
    const reprint = result.reprint;
    if (reprint?.status !== "live" || !reprint.expires) continue;
    const end = endOf(reprint.expires);
    if (end > horizon) continue;
    const days = Math.ceil((end - now) / 86_400_000);
    messages.push(
      `${showable(displayPath(inputPath))} may be shown until ${reprint.expires.formatted} ` +
        `(${days} day${days === 1 ? "" : "s"}); after that the build replaces it with a notice. Renew the permission and update syndication.expires, or let it end.`,
    );
  }
  return messages;
}

