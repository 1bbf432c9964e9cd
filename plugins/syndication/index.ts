import { readFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import { resolveOptions, type ResolvedOptions } from "./options.js";
import { normalise, type FieldProblem, type NormaliseResult } from "./validate.js";
import { reprintPermalink } from "./permalink.js";
import { isDocument, rewriteHead } from "./head.js";
import { buildJsonLd, jsonLdScript } from "./jsonld.js";
import { locateFields, type FieldLocations } from "./locate.js";
import { SyndicationError } from "./report.js";
import type { Problem, SyndicationOptions } from "./types.js";

export type * from "./types.js";
export { SyndicationError } from "./report.js";
export { OptionsError, DEFAULT_WORDING } from "./options.js";

/** The parts of Eleventy's config API this plugin uses (Eleventy ships no TypeScript types). */
export interface EleventyConfigLike {
  versionCheck(range: string): void;
  directories?: { input?: string };
  logger?: { message?(text: string, type: string, color: string, force: boolean): void };
  on(event: string, callback: (...args: unknown[]) => unknown): void;
  addPreprocessor(
    name: string,
    extensions: string,
    callback: (this: { inputPath?: string }, data: PageData, content: unknown) => unknown,
  ): void;
  addGlobalData(name: string, value: unknown): void;
  addCollection(name: string, callback: (api: CollectionApi) => unknown): void;
  addTransform(name: string, callback: (this: TransformContext, content: string) => string): void;
  addShortcode(name: string, callback: (this: { page?: { inputPath?: string } }) => string): void;
  addFilter(name: string, callback: (value: unknown) => unknown): void;
}

interface PageData {
  syndication?: unknown;
  title?: unknown;
  lang?: unknown;
  permalink?: unknown;
  pagination?: unknown;
  page: { inputPath: string; fileSlug: string; lang?: unknown };
  [key: string]: unknown;
}

interface CollectionItem {
  inputPath: string;
  url: string | false;
  data: PageData;
}

interface CollectionApi {
  getAll(): CollectionItem[];
}

interface TransformContext {
  page: { inputPath: string; outputPath: string | false };
  /** Set by the `renderTransforms` filter, which feeds use on a page's content. */
  baseHref?: string;
}

interface PageState {
  result: NormaliseResult;
  title?: string;
}

/** `./src/reprints/a.md` → `src/reprints/a.md`, the way an editor names the file. */
const displayPath = (inputPath: string) => inputPath.replace(/^\.\//, "");

/** Is the page at this path inside the reprints folder? Compared as absolute paths. */
function inReprintsDir(inputPath: string, inputDir: string, options: ResolvedOptions): boolean {
  return resolve(inputPath).startsWith(resolve(inputDir, options.reprintsDir) + sep);
}

/** Positions and written values of a reprint's front matter; empty if the file cannot be read. */
function readLocations(inputPath: string): FieldLocations {
  try {
    return locateFields(readFileSync(inputPath, "utf8"));
  } catch {
    return { lines: new Map(), written: new Map() };
  }
}

/** Attach files and front-matter lines to every problem found this build. */
function locate(found: Map<string, FieldProblem[]>): Problem[] {
  const problems: Problem[] = [];
  for (const [inputPath, fieldProblems] of found) {
    const { lines } = readLocations(inputPath);
    for (const problem of fieldProblems) {
      const field = problem.field.split(".")[1];
      const own = field !== undefined ? lines.get(field) : undefined;
      const line = own ?? lines.get("syndication") ?? lines.get("");
      // A field that is not in the file itself came from a directory or global data file.
      const elsewhere = field !== undefined && own === undefined && problem.message !== "is missing";
      problems.push({
        file: displayPath(inputPath),
        ...(line !== undefined ? { line } : {}),
        ...problem,
        ...(elsewhere ? { message: `${problem.message} (set in a data file, not in this file)` } : {}),
      });
    }
  }
  return problems;
}

/** Two addresses of one article: scheme and host case, default ports and #fragments do not count. */
function sameOriginal(url: string): string {
  const parsed = new URL(url);
  parsed.hash = "";
  return parsed.href;
}

/** Every problem of this build by file: each page's own, then those that involve two reprints. */
function collectProblems(state: Map<string, PageState>, items: CollectionItem[]): Map<string, FieldProblem[]> {
  const found = new Map<string, FieldProblem[]>();
  const add = (inputPath: string, problem: FieldProblem) => {
    const list = found.get(inputPath) ?? [];
    list.push(problem);
    found.set(inputPath, list);
  };
  const byOriginal = new Map<string, string>();
  for (const [inputPath, { result }] of state) {
    for (const problem of result.problems) add(inputPath, problem);
    const url = result.originalUrl;
    if (url === undefined) continue;
    const key = sameOriginal(url);
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
  for (const item of items) {
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

/** Print through Eleventy's logger (shown even in quiet mode, like Eleventy's own errors). */
function print(eleventyConfig: EleventyConfigLike, text: string, type: "error" | "warn" = "error"): void {
  const logger = eleventyConfig.logger;
  if (logger && typeof logger.message === "function") logger.message(text, type, type === "error" ? "red" : "yellow", true);
  else if (type === "error") console.error(text);
  else console.warn(text);
}

const BANNER_CLASS = 'class="syndication-banner"';

/** A reprint page went out without its credit: say so, and how to place it. */
function warnNoBanner(eleventyConfig: EleventyConfigLike, inputPath: string, options: ResolvedOptions): void {
  const position = options.bannerPosition;
  const why =
    position === "none"
      ? "bannerPosition is \"none\" and the page has no {% syndicationBanner %}"
      : "the template's content does not reach the page (a .11ty.js template, or Nunjucks {% extends %})";
  print(
    eleventyConfig,
    `eleventy-plugin-syndication: ${displayPath(inputPath)} has no attribution banner: ${why}. ` +
      `Put {% syndicationBanner %} (or {{ ${options.dataKey}.banner.html | safe }}) where the credit belongs.`,
    "warn",
  );
}

/** Pages of a paginated reprint: `/x/`, `/x/1/`, `/x/2/`, as Eleventy numbers them by default. */
function paginated(address: string, data: PageData): string {
  const n = (data.pagination as { pageNumber?: number } | undefined)?.pageNumber ?? 0;
  return n > 0 ? `${address}${n}/` : address;
}

/** Newest original date first; reprints without a date after those with one. */
function byOriginalDate(state: Map<string, PageState>) {
  const time = (item: CollectionItem) => {
    const iso = state.get(item.inputPath)?.result.reprint?.published?.iso;
    return iso ? Date.parse(iso) : -Infinity;
  };
  return (a: CollectionItem, b: CollectionItem) => time(b) - time(a) || a.inputPath.localeCompare(b.inputPath);
}

/**
 * eleventy-plugin-syndication: validates reprints, puts the attribution banner in their content,
 * points search engines at the original and gives each a permanent address.
 */
export default function syndication(eleventyConfig: EleventyConfigLike, userOptions: SyndicationOptions = {}): void {
  eleventyConfig.versionCheck(">=3.0");
  const options = resolveOptions(userOptions);
  const state = new Map<string, PageState>();
  const inputDir = () => eleventyConfig.directories?.input ?? ".";
  const isReprint = (inputPath: string, data: PageData) =>
    data.syndication !== undefined || inReprintsDir(inputPath, inputDir(), options);

  // A rebuild in --serve/--watch starts from nothing, so a deleted reprint leaves no trace.
  eleventyConfig.on("eleventy.before", () => state.clear());

  // Validate each reprint as Eleventy reads it, then give it its data, its address and its banner.
  // Preprocessors see a page's data before Eleventy computes its URL and renders it, and what
  // they set on `data` is what the page is built with: nothing here touches other pages.
  eleventyConfig.addPreprocessor("syndication", "*", function (data, content) {
    const inputPath = this.inputPath ?? data.page.inputPath;
    if (!isReprint(inputPath, data)) return undefined;
    const title = typeof data.title === "string" ? data.title : undefined;
    // YAML turns 2021-13-45 into a valid (rolled-over) date; the text as written tells the truth.
    const raw = data.syndication as Record<string, unknown> | undefined;
    const hasYamlDate = raw instanceof Object && (raw.published instanceof Date || raw.expires instanceof Date);
    const written = hasYamlDate ? readLocations(inputPath).written : undefined;
    const context = { title, lang: data.lang ?? data.page.lang, ...(written ? { written } : {}) };
    const result = normalise(data.syndication, context, options);
    state.set(inputPath, { result, ...(title !== undefined ? { title } : {}) });
    const reprint = result.reprint;
    if (!reprint) return undefined;

    // Layouts read the normalised reprint under `reprint` (the dataKey option).
    data[options.dataKey] = reprint;
    // The permanent address, unless the page or its folder's data gives a permalink.
    if (data.permalink === undefined) {
      const address = reprintPermalink(options.permalinkPrefix, reprint.published?.iso, data.page.fileSlug);
      data.permalink = data.pagination ? (d: PageData) => paginated(address, d) : address;
    }

    if (options.bannerPosition === "none" || typeof content !== "string") return undefined;
    const banner = reprint.banner.html;
    return options.bannerPosition === "top" ? `${banner}\n\n${content}` : `${content}\n\n${banner}\n`;
  });

  // Collections run once, after every page is read and before anything is written:
  // the one place to report every broken reprint at once.
  eleventyConfig.addCollection(options.collectionName, (api) => {
    const items = api.getAll();
    const problems = locate(collectProblems(state, items));
    if (problems.length > 0) {
      const error = new SyndicationError(problems);
      print(eleventyConfig, error.report);
      throw error;
    }
    return items.filter((item) => state.get(item.inputPath)?.result.reprint).sort(byOriginalDate(state));
  });

  // The same reprints oldest first: Eleventy's order for collections, which the official RSS
  // plugin expects (it reverses the collection to put the newest entry first).
  eleventyConfig.addCollection(`${options.collectionName}OldestFirst`, (api) =>
    api.getAll().filter((item) => state.get(item.inputPath)?.result.reprint).sort(byOriginalDate(state)).reverse(),
  );

  // For sitemaps: a reprint's canonical is the original (or it says noindex), so a sitemap
  // that lists it would contradict itself. `collections.all | withoutReprints`.
  eleventyConfig.addFilter("withoutReprints", (items: unknown) =>
    Array.isArray(items) ? items.filter((item: { inputPath?: string }) => !state.has(item?.inputPath ?? "")) : items,
  );

  // One canonical, og:url and JSON-LD in the head of each reprint page; other pages untouched.
  eleventyConfig.addTransform("syndication-head", function (content) {
    const page = state.get(this.page.inputPath);
    const reprint = page?.result.reprint;
    if (!reprint || typeof this.page.outputPath !== "string" || !this.page.outputPath.endsWith(".html")) return content;
    // The `renderTransforms` filter (feeds) passes a base URL and the page's content, not its
    // document: that content has no head to fix, and must not gain one.
    if (this.baseHref !== undefined && !isDocument(content)) return content;
    if (!content.includes(BANNER_CLASS)) warnNoBanner(eleventyConfig, this.page.inputPath, options);
    return rewriteHead(content, {
      originalUrl: reprint.originalUrl,
      indexing: reprint.indexing,
      ogUrlToOriginal: options.ogUrl === "original",
      ...(options.jsonLd ? { extra: jsonLdScript(buildJsonLd(reprint, page.title)) } : {}),
    });
  });

  // Manual placement, with bannerPosition: "none": {% syndicationBanner %}.
  eleventyConfig.addShortcode("syndicationBanner", function () {
    const inputPath = this.page?.inputPath;
    return (inputPath !== undefined && state.get(inputPath)?.result.reprint?.banner.html) || "";
  });
}

/** Adding the plugin twice keeps the first: nothing is doubled. */
(syndication as unknown as { eleventyPluginOptions: { unique: boolean } }).eleventyPluginOptions = { unique: true };
