/**
 * Reprints whose front matter cannot be read. Eleventy stops at the first file whose YAML is
 * broken, before the plugin sees any other file; for a reprint, the plugin instead records the
 * file, its line and column and the parser's reason, and reports it in its one report with every
 * other problem. Any other page (or layout) keeps Eleventy's own error, with its position marker.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { eleventyFolder } from "./resolve.js";
import { writtenDates } from "../reprint/locate.js";

import type { Unreadable } from "../reprint/outcome.js";

/**
 * The parts of Eleventy's config that hold front-matter engines. Eleventy 3 puts its YAML engine
 * there; Eleventy 4 leaves `engines.yaml` unset and its gray-matter falls back to js-yaml 4's `load`.
 */
export interface FrontMatterHost {
  frontMatterParsingOptions?: { engines?: Record<string, unknown> };
  setFrontMatterParsingOptions?(options: { engines: Record<string, unknown> }): void;
}

/**
 * A front-matter parser's error as a problem of the file. The parser is given the text after the
 * opening `---`, which starts with that line's end: its first line is the file's line 1. js-yaml
 * (Eleventy's parser) counts lines from 0 (`mark.line`), the `yaml` package from 1 (`linePos`).
 */
export function unreadableBecause(error: unknown): Unreadable {
  const e = (error ?? {}) as {
    mark?: { line?: unknown; column?: unknown };
    linePos?: Array<{ line?: unknown; col?: unknown }>;
    reason?: unknown;
    message?: unknown;
  };
  const line =
    typeof e.mark?.line === "number" ? e.mark.line + 1 : typeof e.linePos?.[0]?.line === "number" ? e.linePos[0].line : undefined;
  // Columns as editors count them, from 1 (js-yaml counts from 0).
  const column =
    typeof e.mark?.column === "number" ? e.mark.column + 1 : typeof e.linePos?.[0]?.col === "number" ? e.linePos[0].col : undefined;
  // The `yaml` package ends its message with the position, which the problem gives on its own.
  const reason = typeof e.reason === "string" ? e.reason : String(e.message ?? error).split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  return { ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}), reason };
}

/** A `syndication:` key at the top level of front matter (or of a file, for a command that reads it whole). */
const SYNDICATION_KEY = /^syndication[ \t]*:/m;

/** Is a file whose front matter cannot be read a reprint? In the reprints folder, or with a `syndication:` key. */
export function unreadableReprint(text: string, inReprintsDir: boolean): boolean {
  return inReprintsDir || SYNDICATION_KEY.test(text);
}

type Engine = ((text: string, options?: { filePath?: string }) => unknown) | { parse(text: string, options?: unknown): unknown };

/**
 * Wrap the site's YAML front-matter engine (Eleventy's own, or one the site set before adding the
 * plugin) so a reprint it cannot read becomes a recorded problem instead of the end of the build.
 * Such a file gets `permalink: false` and stays out of collections, so nothing of it is written
 * even if the build went on; the plugin's check then fails the build with the report.
 * Returns the files that cannot be read now, by input path; and, while it parses, it keeps a
 * reprint's dates as written (YAML rolls 2021-13-45 over into a valid date), which spares the
 * preprocessor reading the file again.
 */
export function guardFrontMatter(eleventyConfig: FrontMatterHost, inReprintsDir: (file: string) => boolean): FrontMatterGuard {
  const unreadable = new Map<string, Unreadable>();
  const dates = new Map<string, Map<string, string>>();
  const current = () => {
    // A file deleted while --watch or --serve runs is no longer a problem.
    for (const file of unreadable.keys()) if (!existsSync(file)) unreadable.delete(file);
    return unreadable;
  };
  const guard = { unreadable: current, writtenDates: (file: string) => dates.get(file) };
  if (typeof eleventyConfig.setFrontMatterParsingOptions !== "function") return guard;
  // The site's engine, Eleventy 3's, or the one Eleventy 4 uses when none is set (the same call).
  const yaml = (eleventyConfig.frontMatterParsingOptions?.engines?.yaml as Engine | undefined) ?? eleventysOwnYaml();
  if (yaml === undefined) return guard;
  const parse = typeof yaml === "function" ? yaml : (text: string, options?: unknown) => yaml.parse(text, options);
  const guarded = (text: string, options?: { filePath?: string }) => {
    const file = options?.filePath;
    // Eleventy 3 names the file it parses; without a name there is nothing to report against.
    if (typeof file !== "string") return parse(text, options);
    try {
      const data = parse(text, options);
      unreadable.delete(file);
      const syndication = (data as { syndication?: unknown } | null)?.syndication;
      // The parser was given the text after the opening "---".
      const written = writtenDates(`---${text}`, syndication);
      if (written.size > 0) dates.set(file, written);
      else dates.delete(file);
      return data;
    } catch (error) {
      // Not a reprint: Eleventy's own error, as if the plugin were not there.
      if (!unreadableReprint(text, inReprintsDir(file))) {
        unreadable.delete(file);
        throw error;
      }
      unreadable.set(file, unreadableBecause(error));
      return { permalink: false, eleventyExcludeFromCollections: true };
    }
  };
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: guarded } });
  return guard;
}

/**
 * The parser Eleventy 4's front matter falls back to when no engine is set: js-yaml's `load`, as
 * its gray-matter requires it (found from Eleventy's own folder, so the plugin brings no YAML
 * parser of its own for values). Undefined where it cannot be found: reprints then keep
 * Eleventy's own error for broken YAML.
 */
function eleventysOwnYaml(): Engine | undefined {
  try {
    const folder = eleventyFolder(import.meta.url);
    if (folder === undefined) return undefined;
    const matter = createRequire(createRequire(join(folder, "package.json")).resolve("@11ty/gray-matter"));
    return (matter("js-yaml") as { load: Engine }).load;
  } catch {
    return undefined;
  }
}

export interface FrontMatterGuard {
  /** Files whose front matter cannot be read, by input path. */
  unreadable(): Map<string, Unreadable>;
  /** A file's `published` and `expires` as written, where its YAML gave dates (undefined: not seen). */
  writtenDates(file: string): Map<string, string> | undefined;
}
