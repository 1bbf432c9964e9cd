/**
 * Reading a site's reprints without building it: front matter read with gray-matter and merged
 * with JSON data files the way Eleventy merges them, then the same checks as the build.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { folderListings } from "../eleventy/listing.js";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import matter from "gray-matter";
import yaml from "js-yaml";
import { Merge } from "@11ty/eleventy-utils";
import type { ResolvedOptions } from "../reprint/options.js";
import { normalise } from "../reprint/validate.js";
import { writtenDates } from "../reprint/locate.js";
import { fileNameProblem, reprintPermalink } from "../reprint/permalink.js";
import { checkLock, collectProblems, displayPath, expiringSoon, inReprintsDir, locate, warningsOf, type AddressedPage, type PageState } from "../reprint/checks.js";
import { formatProblem, sortProblems } from "../report/format.js";
import { frontMatterProblem, unreadableReprint } from "../eleventy/frontmatter.js";
import { bodyProblem } from "../reprint/body.js";
import type { Problem } from "../types.js";
import { showable } from "../util/text.js";

/** Eleventy's default template formats whose front matter the command can read. */
const FORMATS = new Set([".md", ".html", ".njk", ".liquid"]);
/** JavaScript templates: Eleventy builds them, the command does not run them. */
const SCRIPTS = /\.11ty\.(js|cjs|mjs)$/i;

/** Where the site keeps what is not a page, and what to leave out: as the Eleventy config says. */
export interface ProjectLayout {
  /** The includes folder, relative to the input folder (Eleventy's `dir.includes`). Default `_includes`. */
  includes?: string;
  /** The data folder, relative to the input folder. Default `_data`. */
  data?: string;
  /** The output folder, relative to the project root. Default `_site`. */
  output?: string;
}

/** A line of .eleventyignore or .gitignore as a test on a path relative to the project root. */
function ignoreRule(line: string, base: string): ((path: string) => boolean) | undefined {
  const text = line.trim();
  if (text === "" || text.startsWith("#") || text.startsWith("!")) return undefined;
  let pattern = text.replace(/^\.\//, "").replace(/\/$/, "");
  const anchored = pattern.includes("/");
  pattern = pattern.replace(/^\//, "");
  const glob = pattern
    .split("/")
    .map((part) => (part === "**" ? ".*" : part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")))
    .join("/");
  const prefix = base === "" ? "" : `${base.replace(/\\/g, "/")}/`;
  const re = new RegExp(`^${anchored ? prefix : `(?:${prefix})?(?:.*/)?`}${glob}(?:/.*)?$`);
  return (path: string) => re.test(path);
}

/** The ignore rules Eleventy applies: .eleventyignore (project root and input folder) and .gitignore. */
function ignoreRules(inputDir: string): Array<(path: string) => boolean> {
  const rules: Array<(path: string) => boolean> = [];
  const input = relative(process.cwd(), resolve(inputDir)).split(sep).join("/");
  for (const [file, base] of [
    [".gitignore", ""],
    [".eleventyignore", ""],
    [join(inputDir, ".eleventyignore"), input],
  ] as const) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
      const rule = ignoreRule(line, base);
      if (rule) rules.push(rule);
    }
  }
  return rules;
}

/** One page of the site as `check` sees it. */
export interface ProjectPage {
  /** As Eleventy writes it: `./src/reprints/a.md`. */
  inputPath: string;
  data: Record<string, unknown>;
  /** The address Eleventy will give it, where it can be known without a build. */
  url?: string | false;
}

/**
 * The site's files, as Eleventy finds them (tinyglobby over fdir): files and folders whose names
 * start with a dot too (`.draft.md`, `..md` are pages), every `node_modules` folder left out;
 * symbolic links are followed, a link to a folder once per loop (a link back to a folder it is in
 * is read once, as fdir does), and links that lead nowhere or round in circles are passed over.
 */
function walk(dir: string, skip: (full: string) => boolean, found: string[], scripts: string[], root = dir, links = new Map<string, string>()): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (skip(full)) continue;
    let folder = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(full);
        folder = statSync(real).isDirectory();
      } catch {
        continue;
      }
      if (folder && loops(full, real, root, links)) continue;
    }
    if (folder) {
      if (entry.name !== "node_modules") walk(full, skip, found, scripts, root, links);
    } else if (FORMATS.has(extname(entry.name))) found.push(full);
    else if (SCRIPTS.test(entry.name)) scripts.push(full);
  }
}

/** fdir's test for a link to a folder: does a linked folder above it lead to the same place? */
function loops(path: string, real: string, root: string, links: Map<string, string>): boolean {
  let parent = dirname(path);
  let depth = 1;
  while (parent !== root && parent !== dirname(parent) && depth < 2) {
    const above = links.get(parent);
    if (above !== undefined && (above === real || above.startsWith(real) || real.startsWith(above))) depth++;
    else parent = dirname(parent);
  }
  links.set(path, real);
  return depth > 1;
}

/** A data file that cannot be read is a problem of the site, not of the command. */
export class DataFileError extends Error {}

/** Data files and their existence, read once per run: every page of a folder shares them. */
const jsonCache = new Map<string, Record<string, unknown>>();
const listing = folderListings();
const exists = listing.exists;

function readJson(path: string): Record<string, unknown> {
  let data = jsonCache.get(path);
  if (data === undefined) {
    try {
      data = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    } catch (error) {
      throw new DataFileError(showable(`${relative(".", path)} is not valid JSON: ${(error as Error).message}`));
    }
    jsonCache.set(path, data);
  }
  // Merge copies what it takes, so the cached object is never changed.
  return data;
}

/**
 * The JSON data files Eleventy applies to a template, lowest priority first: the input folder's
 * own (`src/src.json`), each folder's (`reprints/reprints.11tydata.json`), then the template's
 * (`x.11tydata.json`). JavaScript data files are not run by the command.
 */
export function dataFilesFor(file: string, inputDir: string): string[] {
  const folder = dirname(resolve(file));
  const key = `${inputDir}\u0000${folder}`;
  // The folders' data files are the same for every page in a folder: found once per folder.
  let shared = folderDataFiles.get(key);
  if (shared === undefined) {
    const root = resolve(inputDir);
    const bases: string[] = [join(root, basename(root))];
    const dirs: string[] = [];
    for (let dir = folder; dir.startsWith(root + sep); dir = dirname(dir)) dirs.unshift(dir);
    for (const dir of dirs) bases.push(join(dir, basename(dir)));
    shared = bases.flatMap((base) => [`${base}.json`, `${base}.11tydata.json`]).filter(exists);
    folderDataFiles.set(key, shared);
  }
  const own = join(folder, basename(file, extname(file)));
  return [...shared, ...[`${own}.json`, `${own}.11tydata.json`].filter(exists)];
}
const folderDataFiles = new Map<string, string[]>();

/** A page's data as Eleventy merges it: data files from the input folder down, then front matter. */
export function mergedData(file: string, inputDir: string, front: Record<string, unknown>): Record<string, unknown> {
  return Merge({}, ...dataFilesFor(file, inputDir).map(readJson), front) as Record<string, unknown>;
}

/**
 * Eleventy's `page.fileSlug`: the file name without extension or a leading `YYYY-MM-DD-` date,
 * or the folder's name for an index.
 */
export function fileSlug(file: string): string {
  const name = basename(file, extname(file)).replace(/^\d{4}-\d{2}-\d{2}-/, "");
  return name === "index" ? basename(dirname(file)) : name;
}

/** Front matter as Eleventy reads it: YAML with js-yaml 4; JavaScript front matter is never run. */
class ScriptFrontMatter extends Error {}
const ENGINES = {
  yaml: (text: string) => (yaml.load(text) ?? {}) as object,
  js: () => {
    throw new ScriptFrontMatter();
  },
  javascript: () => {
    throw new ScriptFrontMatter();
  },
};
/**
 * A file's front matter and body. Given the file's bytes, gray-matter decodes them once; given a
 * string, it would first copy it into a Buffer (for `orig`), a cost the command pays per file.
 */
export const readFrontMatter = (source: string | Buffer) =>
  matter(source as string, { engines: ENGINES } as never) as ReturnType<typeof matter> & { matter: string };

/** The address Eleventy will give a page, where it is plain text (not a template or a function). */
function knownUrl(data: Record<string, unknown>): string | false | undefined {
  const permalink = data.permalink;
  if (permalink === false) return false;
  if (typeof permalink !== "string" || /\{[{%]/.test(permalink)) return undefined;
  const path = permalink.startsWith("/") ? permalink : `/${permalink}`;
  return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
}

/** Eleventy's `page.templateSyntax` with its default engines: Markdown and HTML are rendered with Liquid first. */
function templateSyntax(file: string, data: Record<string, unknown>): string {
  if (typeof data.templateEngineOverride === "string") return data.templateEngineOverride;
  const ext = extname(file);
  return ext === ".md" ? "liquid,md" : ext === ".html" ? "liquid,html" : ext.slice(1);
}

export interface ProjectCheck {
  pages: ProjectPage[];
  state: Map<string, PageState>;
  problems: Problem[];
  warnings: string[];
  /** Files whose front matter could not be read, by input path. */
  unreadable: Map<string, Problem>;
}

/** Read every page under the input folder and check its reprints as a build would. */
export function checkProject(inputDir: string, options: ResolvedOptions, layout: ProjectLayout = {}): ProjectCheck {
  const root = resolve(inputDir);
  const skipped = new Set([
    resolve(root, layout.includes ?? "_includes"),
    resolve(root, layout.data ?? "_data"),
    resolve(layout.output ?? "_site"),
    // Eleventy's own ignore besides node_modules (the project's, not a nested one).
    resolve(".git"),
  ]);
  const rules = ignoreRules(inputDir);
  const skip = (full: string) => {
    const absolute = resolve(full);
    if (skipped.has(absolute)) return true;
    if (rules.length === 0) return false;
    const path = relative(process.cwd(), absolute).split(sep).join("/");
    return rules.some((rule) => rule(path));
  };
  const files: string[] = [];
  const scripts: string[] = [];
  walk(inputDir, skip, files, scripts);
  files.sort();
  const warnings: string[] = [];
  for (const script of scripts.sort()) {
    const path = `./${relative(process.cwd(), script).split(sep).join("/")}`;
    if (inReprintsDir(path, inputDir, options)) warnings.push(`${showable(displayPath(path))} is a JavaScript template: not checked (the build checks it)`);
  }
  const pages: ProjectPage[] = [];
  const state = new Map<string, PageState>();
  const unreadable = new Map<string, Problem>();
  for (const file of files) {
    const inputPath = `./${relative(process.cwd(), file).split(sep).join("/")}`;
    let front: Record<string, unknown>;
    let frontText: string;
    let body: string;
    const source = readFileSync(file);
    try {
      const read = readFrontMatter(source);
      frontText = `---${read.matter}`;
      front = read.data as Record<string, unknown>;
      body = read.content;
    } catch (error) {
      if (error instanceof ScriptFrontMatter) {
        if (inReprintsDir(inputPath, inputDir, options)) warnings.push(`${showable(displayPath(inputPath))} has JavaScript front matter: not checked (the build checks it)`);
        continue;
      }
      // The same problem, at the same line, as the build reports; another page is Eleventy's to report.
      const text = source.toString("utf8");
      const end = text.indexOf("\n---", 3);
      if (unreadableReprint(end < 0 ? text : text.slice(0, end), inReprintsDir(inputPath, inputDir, options))) {
        unreadable.set(inputPath, { file: displayPath(inputPath), ...frontMatterProblem(error) });
      } else {
        warnings.push(`${displayPath(inputPath)} has front matter that is not valid YAML: not a reprint, so not checked (the build stops on it with Eleventy's own error)`);
      }
      continue;
    }
    const data = mergedData(file, inputDir, front);
    const page: ProjectPage = { inputPath, data };
    pages.push(page);
    if (data.syndication === undefined && !inReprintsDir(inputPath, inputDir, options)) continue;

    const title = typeof data.title === "string" ? data.title : undefined;
    const raw = data.syndication as Record<string, unknown> | undefined;
    const written = writtenDates(frontText, raw);
    const digested = raw instanceof Object && raw.digest !== undefined;
    const result = normalise(data.syndication, { title, lang: data.lang, render: false, ...(written.size > 0 ? { written } : {}), ...(digested ? { body } : {}) }, options);
    state.set(inputPath, { result, ...(title !== undefined ? { title } : {}) });
    const tag = (result.reprint?.status ?? "live") === "live" ? bodyProblem(inputPath, body, templateSyntax(file, data)) : undefined;
    if (tag) result.problems.push(tag);
    // The plugin's address, as the build gives it to every valid reprint without a permalink.
    const address = data.permalink === undefined && result.reprint ? reprintPermalink(options.permalinkPrefix, result.reprint.published?.iso, fileSlug(file)) : undefined;
    if (data.permalink === undefined && result.reprint && address === undefined) result.problems.push(fileNameProblem(fileSlug(file)));
    // Pages left out of collections are out of the build's sight for addresses and the lock.
    if (data.eleventyExcludeFromCollections) continue;
    const known = knownUrl(data);
    if (known !== undefined) page.url = known;
    else if (address !== undefined && !data.pagination) page.url = address;
  }

  const addressed: AddressedPage[] = pages.flatMap((p) => (p.url === undefined ? [] : [{ inputPath: p.inputPath, url: p.url }]));
  const found = collectProblems(state, addressed);
  // As the build does: the lock file's own problems always, its verdict on addresses when all else is fine.
  const lock = checkLock(state, addressed, options, { write: "check never writes it", othersFailed: found.size > 0 || unreadable.size > 0 });
  for (const { file, ...problem } of lock.problems) found.set(file, [...(found.get(file) ?? []), problem]);
  if (lock.notice) warnings.push(lock.notice);
  const problems = sortProblems([...unreadable.values(), ...locate(found, { inputDir })]);
  const edited = locate(warningsOf(state), { inputDir }).map((w) => `warning: ${formatProblem(w)}`);
  return { pages, state, problems, warnings: [...warnings, ...expiringSoon(state, options), ...edited], unreadable };
}
