/**
 * The checks a build and the `check` command share: every problem of every reprint, the
 * original URLs and addresses that must be unique, the lock, reprints that end soon.
 */
import { readFileSync } from "node:fs";
import { FileError, readText, whyNotWritable } from "../util/files.js";
import { resolve, sep } from "node:path";
import type { ResolvedOptions } from "./options.js";
import type { FieldProblem, NormaliseResult } from "./validate.js";
import { locateFields, writtenDates, type FieldLocations } from "./locate.js";
import { EMPTY_LOCK, originalKey, parseLock, reconcile, serializeLock, type CurrentReprint, type LockProblem, type Redirect } from "./lock.js";
import { endOf } from "./dates.js";
import { fieldKey, showable } from "../util/text.js";
import type { Problem } from "../types.js";
import type { PlacedProblem } from "../eleventy/frontmatter.js";
import { fieldSource, type DataFileRules } from "../eleventy/datafiles.js";

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
    // Problems that came with their lines (the lock's, unreadable YAML) need no look at the file.
    const { lines } = fieldProblems.every((p) => p.line !== undefined) ? { lines: new Map<string, number>() } : readLocations(inputPath);
    for (const problem of fieldProblems) {
      if (problem.line !== undefined) {
        problems.push({ file: displayPath(inputPath), ...problem });
        continue;
      }
      // `previousUrls[2]`: the entry's own line, else its field's; a data file sets the whole field.
      const entry = fieldKey(problem.field);
      const field = entry?.replace(/\[\d+\]$/, "");
      const own = entry !== undefined ? (lines.get(entry) ?? lines.get(field!)) : undefined;
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

/** How a build or the command holds the site against the lock. */
export interface LockMode {
  /**
   * True: this run writes the site (a build, not --serve, --watch, --to=json or a dry run) and may
   * write the lock. Else why it may not, for the notice: "--serve and --watch never write it".
   */
  write: true | string;
  /** Other problems were found this run: only the lock file itself is checked. */
  othersFailed?: boolean;
}

export interface LockCheck {
  problems: LockProblem[];
  redirects: Redirect[];
  /** The lock's new text, when this run is to write it. */
  write?: string;
  /** What would change, one line a change. */
  changes: string[];
  /** For a run that leaves changes out of the lock (CI, --serve, --watch, `check`): what to record. */
  notice?: string;
}

/** A list of changes for a message: the first ten, then how many more. */
const listed = (changes: string[]) => (changes.length > 10 ? `${changes.slice(0, 10).join("; ")}; and ${changes.length - 10} more` : changes.join("; "));

/**
 * Hold this run's reprint addresses against the lock file: its problems, the redirects, what to
 * write. A build that writes the site records changes; under CI it records nothing, accepts new
 * reprints (saying which addresses to commit) and refuses any other change; --serve, --watch and
 * `check` record nothing and say what a build would.
 */
export function checkLock(state: Map<string, PageState>, items: AddressedPage[], options: ResolvedOptions, mode: LockMode): LockCheck {
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
  const none = { problems: [], redirects: [], changes: [] };
  if (!options.lockFile) {
    return mode.othersFailed ? none : { ...none, redirects: reconcile(EMPTY_LOCK, [...current.values()], unlisted).redirects };
  }
  const path = resolve(options.lockFile);
  const shown = displayPath(options.lockFile);
  // The lock is read, and its own problems reported, whatever else is wrong: one report for all.
  let before: string | undefined;
  try {
    before = readText(path, shown);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    const fix = "make it a readable file, or set the plugin's lockFile option to where the lock is";
    return { ...none, problems: [{ file: shown, field: "lock", message: error.what, fix }] };
  }
  let lock = EMPTY_LOCK;
  if (before !== undefined) {
    const parsed = parseLock(before, shown);
    if (!parsed.lock) return { ...none, problems: parsed.problems };
    lock = parsed.lock;
  }
  if (mode.othersFailed) return none;
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
  if (problems.length > 0 || same || (before === undefined && empty)) return { problems, redirects, changes: same ? [] : changes };
  if (inCI() && !options.updateLockInCI) {
    // A CI checkout is thrown away: what a CI build would write is lost, so it writes nothing. New
    // reprints are no risk to published addresses: the build passes and says what to commit.
    if (result.added < changes.length) {
      problems.push({
        file: shown,
        field: "lock",
        message: `would change in CI (${listed(changes)})`,
        fix: `build locally and commit ${shown}, or set the plugin option updateLockInCI: true`,
      });
      return { problems, redirects, changes };
    }
    const notice =
      `${shown} does not hold ${changes.length === 1 ? "this new reprint's address" : `these ${changes.length} new reprints' addresses`} yet: ${listed(changes)}. ` +
      `A CI build does not write it: build locally and commit ${shown}, so that later builds keep ${changes.length === 1 ? "it" : "them"} where ${changes.length === 1 ? "it is" : "they are"}.`;
    return { problems, redirects, changes, notice };
  }
  if (mode.write !== true) {
    return { problems, redirects, changes, notice: `${shown} is left as it is (${mode.write}); a build records: ${listed(changes)}.` };
  }
  // Found now, before any page is written: a lock the build could not write at the end.
  const why = whyNotWritable(path);
  if (why !== undefined) {
    problems.push({
      file: shown,
      field: "lock",
      message: `would change (${listed(changes)}), but cannot be written: ${why}`,
      fix: "make it a writable file in a writable folder, or set the plugin's lockFile option to one",
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

