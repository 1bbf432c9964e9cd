/**
 * The permalink lock: a committed manifest of where each reprint was published, so that a
 * published address never silently stops answering. Pure functions; the plugin reads and
 * writes the file.
 */

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
  field: string;
  message: string;
  fix: string;
}

export interface Redirect {
  from: string;
  to: string;
}

export const EMPTY_LOCK: Lock = { version: 1, reprints: {} };

/** Read a lock file's text; a broken file is an error that says so, never a silent reset. */
export function parseLock(text: string): Lock {
  const data = JSON.parse(text) as Partial<Lock>;
  if (data?.version !== 1 || typeof data.reprints !== "object" || data.reprints === null) {
    throw new Error("it is not a version 1 lock ({ \"version\": 1, \"reprints\": { ... } })");
  }
  for (const [original, entry] of Object.entries(data.reprints)) {
    if (typeof entry?.url !== "string" || typeof entry.file !== "string") {
      throw new Error(`the entry for ${original} needs "url" and "file"`);
    }
    const previous = entry.previousUrls;
    if (previous !== undefined && (!Array.isArray(previous) || previous.some((u) => typeof u !== "string"))) {
      throw new Error(`the entry for ${original} has "previousUrls" that is not a list of addresses`);
    }
  }
  return data as Lock;
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
  // Entries by original, however it is spelt; and by address, to recognise a corrected original.
  const byKey = new Map(Object.entries(lock.reprints).map(([original, entry]) => [originalKey(original), { original, entry }]));
  const currentKeys = new Set(current.map((r) => originalKey(r.originalUrl)));
  const byAddress = new Map(
    [...byKey.entries()].filter(([key]) => !currentKeys.has(key) && !seen.has(key)).map(([key, found]) => [found.entry.url, { key, ...found }]),
  );
  const used = new Set<string>();

  for (const reprint of current) {
    const key = originalKey(reprint.originalUrl);
    seen.add(key);
    let found = byKey.get(key);
    // The same page at the same address under another original URL: the original was corrected.
    const renamed = !found ? byAddress.get(reprint.url) : undefined;
    if (renamed && renamed.entry.file === reprint.file) {
      found = renamed;
      used.add(renamed.key);
      changes.push(`original of ${reprint.url} is now ${reprint.originalUrl} (was ${renamed.original})`);
    }
    if (found) used.add(originalKey(found.original));
    const old = found?.entry;
    const previous = new Set([...(old?.previousUrls ?? []), ...reprint.declaredMoves]);
    if (!old) {
      changes.push(`added ${reprint.url} (${reprint.file})`);
    } else if (old.url !== reprint.url) {
      if (reprint.declaredMoves.includes(old.url)) {
        changes.push(`moved ${old.url} to ${reprint.url} (${reprint.file})`);
      } else {
        problems.push({
          file: reprint.file,
          field: "permalink",
          message: `was published at ${old.url} but would now be at ${reprint.url}, and old links would break`,
          fix:
            `put the old address back (permalink: ${old.url}), or declare the move with ` +
            `syndication.previousUrls: [${old.url}] to leave a redirect there`,
        });
      }
    } else if (old.file !== reprint.file) {
      changes.push(`file of ${reprint.url} is now ${reprint.file}`);
    }
    previous.delete(reprint.url);
    const entry: LockEntry = { url: reprint.url, file: reprint.file, ...(previous.size ? { previousUrls: [...previous] } : {}) };
    if (old && !sameMoves(old.previousUrls, entry.previousUrls) && old.url === reprint.url) {
      changes.push(`redirects to ${reprint.url} are now ${[...previous].sort().join(", ") || "none"}`);
    }
    next.reprints[reprint.originalUrl] = entry;
  }

  for (const [original, entry] of Object.entries(lock.reprints)) {
    const key = originalKey(original);
    if (used.has(key) || next.reprints[original]) continue;
    if (seen.has(key) && !gone.has(key)) {
      next.reprints[original] = entry;
      continue;
    }
    if (gone.has(key)) {
      problems.push({
        file: entry.file,
        field: "permalink",
        message: `is false, but this reprint was published at ${entry.url}, and old links would break`,
        fix:
          `remove permalink: false to keep the page at ${entry.url}; to take the article down, withdraw it ` +
          "(syndication.withdrawn: true) and keep its page; to let the address break, delete its entry from the lock file in a commit",
      });
      next.reprints[original] = entry;
      continue;
    }
    problems.push({
      file: entry.file,
      field: "syndication",
      message: `is gone, but its reprint of ${original} was published at ${entry.url}`,
      fix:
        "restore the file; to take the article down, keep the file with syndication.withdrawn: true " +
        "(the address then shows a notice); to let the address break, delete its entry from the lock file in a commit",
    });
    // Keep the entry: a failed build must not forget a published address.
    next.reprints[original] = entry;
  }

  const redirects: Redirect[] = [];
  for (const entry of Object.values(next.reprints)) {
    for (const from of entry.previousUrls ?? []) redirects.push({ from, to: entry.url });
  }
  redirects.sort((a, b) => a.from.localeCompare(b.from));
  return { next, problems, redirects, changes };
}

function sameMoves(a: string[] | undefined, b: string[] | undefined): boolean {
  return JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());
}
