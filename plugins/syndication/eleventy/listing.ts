import { readdirSync } from "node:fs";
import { basename, dirname } from "node:path";

/**
 * Whether files exist, with each folder listed once: asking for the data files of thousands of
 * pages is then a lookup, not a system call per name. `clear` forgets the listings (a watcher
 * may have added or removed files since).
 */
export function folderListings(): { exists(path: string): boolean; clear(): void } {
  const listings = new Map<string, Set<string>>();
  return {
    exists(path) {
      const dir = dirname(path);
      let names = listings.get(dir);
      if (names === undefined) {
        try {
          names = new Set(readdirSync(dir));
        } catch {
          names = new Set();
        }
        listings.set(dir, names);
      }
      return names.has(basename(path));
    },
    clear: () => listings.clear(),
  };
}
