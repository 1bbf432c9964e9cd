/**
 * This run's reprint addresses held against the lock file: its problems (each named by the rule
 * it breaks), the redirects, what to write. A build that writes the site records changes; under
 * CI it records nothing, accepts new reprints (saying which addresses to commit) and refuses any
 * other change; --serve, --watch and `check` record nothing and say what a build would.
 */
import { resolve } from "node:path";
import { FileError, readText, whyNotWritable } from "../util/files.js";
import { EMPTY_LOCK, parseLock, reconcile, serializeLock, type CurrentReprint, type Lock, type LockProblem, type Reconciled, type Redirect } from "./lock.js";
import { displayPath } from "../util/paths.js";
import type { ResolvedOptions } from "./options.js";
import type { AddressedPage, PageOutcome } from "./outcome.js";

export type LockRule = "lock-valid" | "address-kept" | "redirect-free" | "lock-ci" | "lock-writable";

export interface LockVerdict {
  /** The lock file as the report names it. */
  file: string;
  problems: Array<LockProblem & { rule: LockRule }>;
  redirects: Redirect[];
  /** What a run that leaves changes out of the lock would record: new reprints under CI, or any change under --serve, --watch and `check` (and why). */
  pending?: { changes: string; count: number; why?: string };
  /** The lock's new text, when this run is to write it. */
  write?: string;
}

/** A list of changes for a message: the first ten, then how many more. */
const listed = (changes: string[]) => (changes.length > 10 ? `${changes.slice(0, 10).join("; ")}; and ${changes.length - 10} more` : changes.join("; "));

/** Is this a CI run? `CI` set to anything but "", "0" or "false" (services say "true", "1", ...). */
export function inCI(): boolean {
  const value = (process.env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

/** The reprints of this run as the lock sees them: with an address, without one, and with `permalink: false`. */
function current(pages: Map<string, PageOutcome>, items: AddressedPage[]) {
  const addressed = new Map<string, CurrentReprint>();
  const unpublished: string[] = [];
  for (const item of items) {
    const reprint = pages.get(item.inputPath)?.reprint;
    if (!reprint) continue;
    if (item.url === false) unpublished.push(reprint.originalUrl);
    else if (!addressed.has(reprint.originalUrl)) {
      addressed.set(reprint.originalUrl, { originalUrl: reprint.originalUrl, url: item.url, file: displayPath(item.inputPath), declaredMoves: reprint.previousUrls });
    }
  }
  const unlisted = [...pages.values()].flatMap((page) => (page.reprint ? [page.reprint.originalUrl] : []));
  return { addressed: [...addressed.values()], unlisted, unpublished };
}

/**
 * The verdict. `write` is true when this run writes the site and may write the lock, else why it
 * may not ("--serve and --watch never write it"); with `othersFailed`, only the lock file itself is
 * checked (its verdict on addresses needs valid reprints).
 */
export function lockVerdict(pages: Map<string, PageOutcome>, items: AddressedPage[], options: ResolvedOptions, write: true | string, othersFailed: boolean): LockVerdict {
  const { addressed, unlisted, unpublished } = current(pages, items);
  const file = displayPath(options.lockFile || "");
  const none: LockVerdict = { file, problems: [], redirects: [] };
  if (!options.lockFile) return othersFailed ? none : { ...none, redirects: reconcile(EMPTY_LOCK, addressed, unlisted).redirects };
  const path = resolve(options.lockFile);
  // The lock is read, and its own problems reported, whatever else is wrong: one report for all.
  const read = readLock(path, file);
  if ("problems" in read) return { ...none, problems: read.problems };
  const { before, lock } = read;
  if (othersFailed) return none;
  const result = reconcile(lock, addressed, unlisted, unpublished);
  const problems = [...result.problems.map(tag("address-kept")), ...blockedRedirects(result.redirects, items, file).map(tag("redirect-free"))];
  const after = serializeLock(result.next);
  // Compared as locks, not as text: line endings or indentation a checkout changed are no change.
  const same = before !== undefined && serializeLock(lock) === after;
  const { redirects } = result;
  if (problems.length > 0 || same || (before === undefined && Object.keys(result.next.reprints).length === 0)) return { file, problems, redirects };
  return changedLock({ file, problems, redirects }, path, options, write, result, after);
}

type Tagged = LockProblem & { rule: LockRule };
const tag = (rule: LockRule) => (problem: LockProblem): Tagged => ({ ...problem, rule });

/** The lock file's text (undefined when there is none yet) and the lock it holds, or its problems. */
function readLock(path: string, file: string): { before: string | undefined; lock: Lock } | { problems: Tagged[] } {
  let before: string | undefined;
  try {
    before = readText(path, file);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    const fix = "make it a readable file, or set the plugin's lockFile option to where the lock is";
    return { problems: [{ rule: "lock-valid", file, field: "lock", message: error.what, fix }] };
  }
  if (before === undefined) return { before, lock: EMPTY_LOCK };
  const parsed = parseLock(before, file);
  if (!parsed.lock) return { problems: parsed.problems.map(tag("lock-valid")) };
  return { before, lock: parsed.lock };
}

/** Redirects from an address a page of the site has: the page would be replaced. */
function blockedRedirects(redirects: Redirect[], items: AddressedPage[], file: string): LockProblem[] {
  const taken = new Set(items.map((item) => item.url));
  return redirects.filter((redirect) => taken.has(redirect.from)).map((redirect) => ({
    file,
    field: "previousUrls",
    message: `${redirect.from} would redirect to ${redirect.to}, but a page of the site is there`,
    fix: "remove that address from syndication.previousUrls (and the lock), or move the page that has it",
  }));
}

/** The verdict on a lock this run would change: write it, leave the change pending, or refuse it. */
function changedLock(
  verdict: LockVerdict,
  path: string,
  options: ResolvedOptions,
  write: true | string,
  result: Reconciled,
  after: string,
): LockVerdict {
  const { file, problems, redirects } = verdict;
  const { changes } = result;
  if (inCI() && !options.updateLockInCI) {
    // A CI checkout is thrown away: what a CI build would write is lost, so it writes nothing. New
    // reprints are no risk to published addresses: the build passes and says what to commit.
    if (result.added < changes.length) {
      const fix = `build locally and commit ${file}, or set the plugin option updateLockInCI: true`;
      return { file, problems: [{ rule: "lock-ci", file, field: "lock", message: `would change in CI (${listed(changes)})`, fix }], redirects };
    }
    return { file, problems, redirects, pending: { changes: listed(changes), count: changes.length } };
  }
  if (write !== true) return { file, problems, redirects, pending: { changes: listed(changes), count: changes.length, why: write } };
  // Found now, before any page is written: a lock the build could not write at the end.
  const why = whyNotWritable(path);
  if (why !== undefined) {
    const fix = "make it a writable file in a writable folder, or set the plugin's lockFile option to one";
    return { file, problems: [{ rule: "lock-writable", file, field: "lock", message: `would change (${listed(changes)}), but cannot be written: ${why}`, fix }], redirects };
  }
  return { file, problems, redirects, write: after };
}
