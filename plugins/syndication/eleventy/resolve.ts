/**
 * Finding a package the site (or the plugin) has installed, and the file its `import` condition
 * gives (Eleventy and tsx are ES modules whose `require` entry is another file).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

interface Manifest {
  name?: string;
  main?: string;
  exports?: Record<string, string | { import?: string | { default?: string } }>;
}

/** The folder of the package `name` that `base` (a file or URL) resolves, if any. */
export function packageFolder(base: string, name: string): string | undefined {
  let file: string;
  try {
    file = createRequire(base).resolve(name);
  } catch {
    return undefined;
  }
  // Exports may leave package.json out: walk up from the entry to the package's folder.
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as Manifest).name === name) return dir;
  }
  return undefined;
}

/** The file a package's `import` condition gives for a subpath (`.`, `./esm/api`). */
export function importEntry(folder: string, subpath = "."): string {
  const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as Manifest;
  const entry = manifest.exports?.[subpath];
  const target = typeof entry === "string" ? entry : typeof entry?.import === "string" ? entry.import : entry?.import?.default;
  return join(folder, target ?? manifest.main ?? "index.js");
}

/** The folder of the `@11ty/eleventy` that `base` resolves, if any. */
export const eleventyFolder = (base: string) => packageFolder(base, "@11ty/eleventy");
