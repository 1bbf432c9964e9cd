/**
 * Reading a site's reprints without building it: front matter read with gray-matter and merged
 * with JSON data files the way Eleventy merges them, then the same checks as the build.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import matter from "gray-matter";
import { Merge } from "@11ty/eleventy-utils";
import type { ResolvedOptions } from "./options.js";
import { normalise } from "./validate.js";
import { reprintPermalink } from "./permalink.js";
import { checkLock, collectProblems, displayPath, expiringSoon, inReprintsDir, locate, readWrittenDates, type AddressedPage, type PageState } from "./checks.js";
import { sortProblems } from "./report.js";
import type { Problem } from "./types.js";

/** Template formats whose front matter the command can read. */
const FORMATS = new Set([".md", ".markdown", ".html", ".njk", ".liquid"]);
/** Folders Eleventy does not build pages from, by convention or by default. */
const SKIP = new Set(["node_modules", "_site", "_includes", "_layouts", "_data"]);

/** One page of the site as `check` sees it. */
export interface ProjectPage {
  /** As Eleventy writes it: `./src/reprints/a.md`. */
  inputPath: string;
  data: Record<string, unknown>;
  /** The address Eleventy will give it, where it can be known without a build. */
  url?: string | false;
}

function walk(dir: string, found: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) walk(full, found);
    } else if (FORMATS.has(extname(entry.name).toLowerCase())) {
      found.push(full);
    }
  }
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

/**
 * The JSON data files Eleventy applies to a template, lowest priority first: the input folder's
 * own (`src/src.json`), each folder's (`reprints/reprints.11tydata.json`), then the template's
 * (`x.11tydata.json`). JavaScript data files are not run by the command.
 */
export function dataFilesFor(file: string, inputDir: string): string[] {
  const root = resolve(inputDir);
  const bases: string[] = [join(root, basename(root))];
  const dirs: string[] = [];
  for (let dir = dirname(resolve(file)); dir.startsWith(root + sep); dir = dirname(dir)) dirs.unshift(dir);
  for (const dir of dirs) bases.push(join(dir, basename(dir)));
  bases.push(join(dirname(resolve(file)), basename(file, extname(file))));
  return bases.flatMap((base) => [`${base}.json`, `${base}.11tydata.json`]).filter((path) => existsSync(path));
}

/** A page's data as Eleventy merges it: data files from the input folder down, then front matter. */
export function mergedData(file: string, inputDir: string, front: Record<string, unknown>): Record<string, unknown> {
  return Merge({}, ...dataFilesFor(file, inputDir).map(readJson), front) as Record<string, unknown>;
}

/** Eleventy's `page.fileSlug`: the file name without extension, or the folder's name for an index. */
function fileSlug(file: string): string {
  const name = basename(file, extname(file));
  return name === "index" ? basename(dirname(file)) : name;
}

/** The address Eleventy will give a page, where it is plain text (not a template or a function). */
function knownUrl(data: Record<string, unknown>): string | false | undefined {
  const permalink = data.permalink;
  if (permalink === false) return false;
  if (typeof permalink !== "string" || /\{[{%]/.test(permalink)) return undefined;
  const path = permalink.startsWith("/") ? permalink : `/${permalink}`;
  return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
}

export interface ProjectCheck {
  pages: ProjectPage[];
  state: Map<string, PageState>;
  problems: Problem[];
  warnings: string[];
}

/** Read every page under the input folder and check its reprints as a build would. */
export function checkProject(inputDir: string, options: ResolvedOptions): ProjectCheck {
  const files: string[] = [];
  walk(inputDir, files);
  files.sort();
  const pages: ProjectPage[] = [];
  const state = new Map<string, PageState>();
  const unreadable = new Map<string, Problem>();
  for (const file of files) {
    const inputPath = `./${relative(process.cwd(), file).split(sep).join("/")}`;
    let front: Record<string, unknown>;
    try {
      front = matter(readFileSync(file, "utf8"), {}).data as Record<string, unknown>;
    } catch (error) {
      const mark = (error as { mark?: { line?: number } }).mark;
      unreadable.set(inputPath, {
        file: displayPath(inputPath),
        ...(mark?.line !== undefined ? { line: mark.line + 2 } : {}),
        field: "front matter",
        message: `cannot be read: ${(error as Error).message.split("\n")[0]}`,
        fix: "correct the YAML between the --- lines",
      });
      continue;
    }
    const data = mergedData(file, inputDir, front);
    const page: ProjectPage = { inputPath, data };
    pages.push(page);
    if (data.syndication === undefined && !inReprintsDir(inputPath, inputDir, options)) continue;

    const title = typeof data.title === "string" ? data.title : undefined;
    const raw = data.syndication as Record<string, unknown> | undefined;
    const hasYamlDate = raw instanceof Object && (raw.published instanceof Date || raw.expires instanceof Date);
    const written = hasYamlDate ? readWrittenDates(inputPath) : undefined;
    const result = normalise(data.syndication, { title, lang: data.lang, ...(written ? { written } : {}) }, options);
    state.set(inputPath, { result, ...(title !== undefined ? { title } : {}) });
    const known = knownUrl(data);
    if (known !== undefined) page.url = known;
    else if (data.permalink === undefined && !data.pagination && result.reprint) {
      page.url = reprintPermalink(options.permalinkPrefix, result.reprint.published?.iso, fileSlug(file));
    }
  }

  const addressed: AddressedPage[] = pages.flatMap((p) => (p.url === undefined ? [] : [{ inputPath: p.inputPath, url: p.url }]));
  const found = collectProblems(state, addressed);
  if (found.size === 0 && unreadable.size === 0) {
    const lock = checkLock(state, addressed, options, true);
    for (const { file, ...problem } of lock.problems) found.set(file, [...(found.get(file) ?? []), problem]);
  }
  const problems = sortProblems([...unreadable.values(), ...locate(found)]);
  return { pages, state, problems, warnings: expiringSoon(state, options) };
}
