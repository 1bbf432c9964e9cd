/**
 * The permalink lock: a committed manifest of where each reprint was published, so that a
 * published address never silently stops answering. Pure functions; the plugin reads and
 * writes the file.
 */

import { checkSitePath, SITE_PATH_FIX } from "./sitepath.js";
import { jsonLines, lineAt, type JsonLines, type JsonPath } from "../util/json-lines.js";
import { keyName, quote } from "../util/text.js";

/** One published reprint, keyed in the lock by its original URL. */
export interface LockEntry {
  /** The address it is published at now. */
  url: string;
  /** The file it is built from, for people reading the lock and for error messages. */
  file: string;
  /** Addresses it was published at before, each answered by a redirect page. */
  previousUrls?: string[];
}

export interface Lock {
  version: 1;
  reprints: Record<string, LockEntry>;
}

/** Two spellings of one original (host case, a #fragment) are one key. */
export function originalKey(url: string): string {
  let key = keys.get(url);
  if (key === undefined) {
    try {
      const parsed = new URL(url);
      parsed.hash = "";
      key = parsed.href;
    } catch {
      key = url;
    }
    // A build asks for each original's key several times (uniqueness, the lock): parse it once.
    if (keys.size > 200_000) keys.clear();
    keys.set(url, key);
  }
  return key;
}
const keys = new Map<string, string>();

/** A reprint of this build, as the lock sees it. */
export interface CurrentReprint {
  originalUrl: string;
  url: string;
  file: string;
  /** `syndication.previousUrls`: moves the page declares. */
  declaredMoves: string[];
}

/** A problem with the lock, for the build's report. */
export interface LockProblem {
  file: string;
  /** The line in the lock file, for a problem of the lock itself. */
  line?: number;
  field: string;
  message: string;
  fix: string;
}

export interface Redirect {
  from: string;
  to: string;
}

export const EMPTY_LOCK: Lock = { version: 1, reprints: {} };

/** The command that drops an entry from the lock, as the fixes name it. */
const FORGET = (url: string) => `drop it from the lock with npx eleventy-syndication forget ${url}`;

/** A problem with the lock file's text, at its line. */
export interface LockTextProblem extends LockProblem {
  line: number;
}

const RESTORE = "restore the lock from version control, or correct it by hand";
const TOP_FIELDS = ["version", "reprints"];
const ENTRY_FIELDS = ["url", "file", "previousUrls"];

/**
 * Read a lock file's text. The lock is committed, edited by hand, merged and sent in pull
 * requests: it is input like any other. Every problem is reported at its line with its fix,
 * never reset or dropped silently; a lock with any problem is not used.
 */
export function parseLock(text: string, file = "the lock"): { lock?: Lock; problems: LockTextProblem[] } {
  const problems: LockTextProblem[] = [];
  const add: AddProblem = (line, field, message, fix) => problems.push({ file, line: line ?? 1, field, message, fix });
  const body = text.replace(/^\uFEFF/, "");
  const data = readLockJson(body, add);
  if (data === undefined) return { problems };
  const places = jsonLines(body, 5);
  for (const { path, line, first } of places.duplicates) {
    add(line, fieldOf(path), `is written twice (also at line ${first}), and only the last would be kept`, "merge the two into one (a merge of two branches often leaves both), keeping every address");
  }
  const top = data as Record<string, unknown>;
  checkLockTop(top, places, add);
  const reprints = top.reprints;
  if (reprints === null || typeof reprints !== "object" || Array.isArray(reprints)) {
    add(places.line(["reprints"]), "reprints", `is ${reprints === undefined ? "missing" : describeJson(reprints)}, not an object of entries keyed by original URL`, RESTORE);
    return { problems };
  }
  const originals = new Map<string, number>();
  for (const [original, entry] of Object.entries(reprints)) {
    const at = (...rest: Array<string | number>) => places.line(["reprints", original, ...rest]) ?? places.line(["reprints", original]);
    checkLockEntry(original, entry, originals, at, add);
  }
  if (problems.length > 0) return { problems };
  return { lock: data as Lock, problems };
}

/** Reports one problem of the lock file's text, at its line (the first when none is known). */
type AddProblem = (line: number | undefined, field: string, message: string, fix: string) => void;

/** The lock's JSON object, or undefined when the text is empty, not JSON or not an object (reported). */
function readLockJson(body: string, add: AddProblem): object | undefined {
  if (body.trim() === "") {
    add(1, "lock", "is empty", RESTORE);
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const conflict = /^(?:<{7}|>{7})(?:\s|$)/m.exec(body);
    if (conflict) {
      add(lineAt(body, conflict.index), "lock", "has the marks of an unresolved merge (<<<<<<< … >>>>>>>)", "keep the entries of both sides in one \"reprints\" object, and remove the marks");
    } else {
      const message = error instanceof Error ? error.message : String(error);
      const at = /at position (\d+)/.exec(message);
      // The parser's reason, without " in JSON at position 12 …" (the line says where).
      const cut = at ? message.lastIndexOf(" in JSON at position ", at.index) : -1;
      add(at ? lineAt(body, Number(at[1])) : 1, "lock", `is not valid JSON (${cut < 0 ? message : message.slice(0, cut)})`, RESTORE);
    }
    return undefined;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    add(1, "lock", `is ${describeJson(data)}, not a lock ({ "version": 1, "reprints": { … } })`, RESTORE);
    return undefined;
  }
  return data;
}

/** The lock's own fields: only "version" (1) and "reprints". */
function checkLockTop(top: Record<string, unknown>, places: JsonLines, add: AddProblem): void {
  for (const key of Object.keys(top)) {
    if (!TOP_FIELDS.includes(key)) add(places.line([key]), keyName(key), unknownKey(key, "the lock"), "remove it: a lock has only \"version\" and \"reprints\"");
  }
  if (top.version !== 1) {
    add(
      places.line(["version"]),
      "version",
      top.version === undefined ? "is missing" : `is ${quote(top.version)}, a version this plugin does not read`,
      typeof top.version === "number" && top.version > 1 ? "a newer version of the plugin wrote it: upgrade eleventy-plugin-syndication" : 'write "version": 1',
    );
  }
}

/**
 * One entry of "reprints": its key an original's address (once per original: `originals` holds
 * the line of each seen), its fields "url", "file" and "previousUrls".
 */
function checkLockEntry(
  original: string,
  entry: unknown,
  originals: Map<string, number>,
  at: (...rest: Array<string | number>) => number | undefined,
  add: AddProblem,
): void {
  if (!isOriginal(original)) {
    add(at(), "reprints", `has the key ${quote(original)}, which ${original === "__proto__" ? "is a name JavaScript reserves, and" : "is"} not the address of an original article`, "key each entry by the reprint's syndication.originalUrl (https://…)");
    return;
  }
  const key = originalKey(original);
  const same = originals.get(key);
  if (same !== undefined) {
    add(at(), "reprints", `has ${quote(original)}, the same original as the entry at line ${same}`, "keep one entry per original, merged into one");
  } else originals.set(key, at() ?? 1);
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
    add(at(), "reprints", `has ${describeJson(entry)} for ${quote(original)}, not an entry ({ "url", "file" })`, RESTORE);
    return;
  }
  const fields = entry as Record<string, unknown>;
  for (const name of Object.keys(fields)) {
    if (!ENTRY_FIELDS.includes(name)) add(at(name), keyName(name), unknownKey(name, "an entry"), "remove it: an entry has \"url\", \"file\" and \"previousUrls\"");
  }
  if (fields.url === undefined) add(at(), "url", "is missing", "give the address the reprint is published at, such as /reprints/2021/12/story/");
  else checkSitePathField(at("url"), "url", fields.url, add);
  if (typeof fields.file !== "string" || fields.file.trim() === "") {
    add(at("file"), "file", fields.file === undefined ? "is missing" : `is ${describeJson(fields.file)}, not a file name`, "give the reprint's file, relative to the project root, such as src/reprints/story.md");
  }
  const previous = fields.previousUrls;
  if (previous !== undefined && !Array.isArray(previous)) {
    add(at("previousUrls"), "previousUrls", `is ${describeJson(previous)}, not a list of paths`, 'write a list, such as ["/reprints/old-name/"]');
  } else {
    (previous ?? []).forEach((address: unknown, index: number) => checkSitePathField(at("previousUrls", index), `previousUrls[${index}]`, address, add));
  }
}

/** `url` and each `previousUrls` entry: a path on this site. */
function checkSitePathField(line: number | undefined, field: string, value: unknown, add: AddProblem): void {
  const bad = typeof value === "string" ? checkSitePath(value) : { reason: `is ${describeJson(value)}, not a path`, fix: SITE_PATH_FIX };
  if (bad) add(line, field, typeof value === "string" ? `${quote(value)} ${bad.reason}` : bad.reason, bad.fix);
}

/** An original article's address, as the lock keys entries: absolute http: or https:. */
function isOriginal(key: string): boolean {
  if (key === "__proto__") return false;
  try {
    const url = new URL(key);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const unknownKey = (key: string, where: string) =>
  key === "__proto__" ? "is a name JavaScript reserves, not a field of " + where : `is not a field of ${where}`;

/** A JSON value's kind, for "is a list, not …". */
function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return quote(value);
}

/** The report's field for a place in the lock: its last key (`url`, `previousUrls[1]`, `version`). */
function fieldOf(path: JsonPath): string {
  const last = path[path.length - 1];
  if (typeof last === "number") return `${fieldOf(path.slice(0, -1))}[${last}]`;
  if (path.length === 2 && path[0] === "reprints") return "reprints";
  return keyName(String(last));
}

/** Stable, sorted, one field a line where it helps: diffs of the lock review well. */
export function serializeLock(lock: Lock): string {
  const reprints: Record<string, LockEntry> = {};
  for (const original of Object.keys(lock.reprints).sort()) {
    const entry = lock.reprints[original]!;
    reprints[original] = {
      url: entry.url,
      file: entry.file,
      ...(entry.previousUrls?.length ? { previousUrls: [...new Set(entry.previousUrls)].sort() } : {}),
    };
  }
  return `${JSON.stringify({ version: 1, reprints }, null, 2)}\n`;
}

/** What this build means for the lock: the lock to keep, what is wrong, the redirects to write. */
export interface Reconciled {
  next: Lock;
  problems: LockProblem[];
  redirects: Redirect[];
  /** One line a change, for messages: "added …", "moved …". */
  changes: string[];
  /** How many of the changes only add a reprint the lock did not have (the first of `changes`' kinds a CI build accepts). */
  added: number;
}

/**
 * `current` holds the reprints built at an address this build; `unlisted` the original URLs of
 * reprints that exist but have no address to check (`permalink: false`, or left out of
 * collections): their entries are kept as they are.
 */
export function reconcile(
  lock: Lock,
  current: CurrentReprint[],
  unlisted: Iterable<string> = [],
  unpublished: Iterable<string> = [],
): Reconciled {
  const next: Lock = { version: 1, reprints: {} };
  const problems: LockProblem[] = [];
  const changes: string[] = [];
  const seen = new Set<string>([...unlisted].map(originalKey));
  const gone = new Set<string>([...unpublished].map(originalKey));
  const index = indexLock(lock, current, seen);
  const used = new Set<string>();
  let added = 0;

  for (const reprint of current) {
    seen.add(originalKey(reprint.originalUrl));
    const placed = placeReprint(reprint, index);
    for (const key of placed.used) used.add(key);
    changes.push(...placed.changes);
    if (placed.problem) problems.push(placed.problem);
    if (placed.added) added += 1;
    next.reprints[reprint.originalUrl] = placed.entry;
  }

  for (const [original, entry] of Object.entries(lock.reprints)) {
    const key = originalKey(original);
    if (used.has(key) || Object.hasOwn(next.reprints, original)) continue;
    const problem = seen.has(key) && !gone.has(key) ? undefined : missingReprintProblem(original, entry, gone.has(key));
    if (problem) problems.push(problem);
    // Keep the entry: a failed build must not forget a published address.
    next.reprints[original] = entry;
  }

  return { next, problems, redirects: redirectsOf(next), changes, added };
}

/** An entry of the lock, under the original URL it is written with. */
interface Found {
  original: string;
  entry: LockEntry;
}

/** The lock's entries by original, however it is spelt; and by address, to recognise a corrected original. */
interface LockIndex {
  byKey: Map<string, Found>;
  /** Only entries no reprint of this build claims by its original. */
  byAddress: Map<string, Found & { key: string }>;
}

function indexLock(lock: Lock, current: CurrentReprint[], seen: ReadonlySet<string>): LockIndex {
  const byKey = new Map(Object.entries(lock.reprints).map(([original, entry]) => [originalKey(original), { original, entry }]));
  const currentKeys = new Set(current.map((r) => originalKey(r.originalUrl)));
  const byAddress = new Map(
    [...byKey.entries()].filter(([key]) => !currentKeys.has(key) && !seen.has(key)).map(([key, found]) => [found.entry.url, { key, ...found }]),
  );
  return { byKey, byAddress };
}

/** One reprint of this build against its entry in the lock: its new entry, and what changed. */
interface Placed {
  entry: LockEntry;
  /** The keys of the lock's entries this reprint takes over. */
  used: string[];
  changes: string[];
  problem?: LockProblem;
  added: boolean;
}

function placeReprint(reprint: CurrentReprint, index: LockIndex): Placed {
  const used: string[] = [];
  const changes: string[] = [];
  let problem: LockProblem | undefined;
  let found: Found | undefined = index.byKey.get(originalKey(reprint.originalUrl));
  // The same page at the same address under another original URL: the original was corrected.
  const renamed = !found ? index.byAddress.get(reprint.url) : undefined;
  if (renamed && renamed.entry.file === reprint.file) {
    found = renamed;
    used.push(renamed.key);
    changes.push(`original of ${reprint.url} is now ${reprint.originalUrl} (was ${renamed.original})`);
  }
  if (found) used.push(originalKey(found.original));
  const old = found?.entry;
  const previous = new Set([...(old?.previousUrls ?? []), ...reprint.declaredMoves]);
  if (!old) {
    changes.push(`added ${reprint.url} (${reprint.file})`);
  } else if (old.url !== reprint.url) {
    if (reprint.declaredMoves.includes(old.url)) {
      changes.push(`moved ${old.url} to ${reprint.url} (${reprint.file})`);
    } else {
      problem = {
        file: reprint.file,
        field: "permalink",
        message: `was published at ${old.url} but would now be at ${reprint.url}, and old links would break`,
        fix:
          `put the old address back (permalink: ${old.url}), or declare the move with ` +
          `syndication.previousUrls: [${old.url}] to leave a redirect there; if it was never deployed there, ${FORGET(old.url)}`,
      };
    }
  } else if (old.file !== reprint.file) {
    changes.push(`file of ${reprint.url} is now ${reprint.file}`);
  }
  previous.delete(reprint.url);
  const entry: LockEntry = { url: reprint.url, file: reprint.file, ...(previous.size ? { previousUrls: [...previous] } : {}) };
  if (old && !sameMoves(old.previousUrls, entry.previousUrls) && old.url === reprint.url) {
    changes.push(`redirects to ${reprint.url} are now ${[...previous].sort().join(", ") || "none"}`);
  }
  return { entry, used, changes, ...(problem ? { problem } : {}), added: !old };
}

/** An entry of the lock no reprint of this build answers: `permalink: false` (`unpublished`), or gone. */
function missingReprintProblem(original: string, entry: LockEntry, unpublished: boolean): LockProblem {
  if (unpublished) {
    return {
      file: entry.file,
      field: "permalink",
      message: `is false, but this reprint was published at ${entry.url}, and old links would break`,
      fix:
        `remove permalink: false to keep the page at ${entry.url}; to take the article down, withdraw it ` +
        `(syndication.withdrawn: true) and keep its page; if it was never deployed, or to let the address break, ${FORGET(entry.url)}`,
    };
  }
  return {
    file: entry.file,
    field: "syndication",
    message: `is gone, but its reprint of ${original} was published at ${entry.url}`,
    fix:
      "restore the file; to take the article down, keep the file with syndication.withdrawn: true " +
      `(the address then shows a notice); if it was never deployed, or to let the address break, ${FORGET(entry.url)}`,
  };
}

/** A redirect from each previous address to the entry's address, sorted by the old address. */
function redirectsOf(lock: Lock): Redirect[] {
  const redirects: Redirect[] = [];
  for (const entry of Object.values(lock.reprints)) {
    for (const from of entry.previousUrls ?? []) redirects.push({ from, to: entry.url });
  }
  redirects.sort((a, b) => a.from.localeCompare(b.from));
  return redirects;
}

function sameMoves(a: string[] | undefined, b: string[] | undefined): boolean {
  return JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());
}

/** What `forget` did: the lock without the entries, those it dropped, and the names that matched none. */
export interface Forgotten {
  next: Lock;
  dropped: Array<{ original: string; entry: LockEntry }>;
  unmatched: string[];
}

/**
 * Drop entries from the lock, each named by its address, its original URL (however spelt) or its
 * file: for reprints that were recorded by a local build but never deployed.
 */
export function forget(lock: Lock, names: string[]): Forgotten {
  const file = (path: string) => path.replace(/^\.\//, "");
  const dropped: Forgotten["dropped"] = [];
  const unmatched: string[] = [];
  const reprints = { ...lock.reprints };
  for (const name of names) {
    const matches = Object.keys(reprints).filter((original) => {
      const entry = reprints[original]!;
      return entry.url === name || file(entry.file) === file(name) || originalKey(original) === originalKey(name);
    });
    if (matches.length === 0) unmatched.push(name);
    for (const original of matches) {
      dropped.push({ original, entry: reprints[original]! });
      delete reprints[original];
    }
  }
  return { next: { version: 1, reprints }, dropped, unmatched };
}
