import { readFileSync, writeFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import { resolveOptions, type ResolvedOptions } from "./options.js";
import { normalise, type FieldProblem, type NormaliseResult } from "./validate.js";
import { reprintPermalink } from "./permalink.js";
import { isDocument, rewriteHead } from "./head.js";
import { buildJsonLd, jsonLdScript } from "./jsonld.js";
import { locateFields, type FieldLocations } from "./locate.js";
import { SyndicationError } from "./report.js";
import { EMPTY_LOCK, parseLock, reconcile, serializeLock, type CurrentReprint, type LockProblem, type Redirect } from "./lock.js";
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
  addTemplate(virtualPath: string, content: string, data: Record<string, unknown>): void;
  watchIgnores?: Set<string>;
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
      // A page-level field (permalink) points at the front matter's start.
      const line = problem.field.startsWith("syndication") ? (own ?? lines.get("syndication") ?? lines.get("")) : lines.get("");
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
const TOMBSTONE_CLASS = 'class="syndication-tombstone"';

/** A reprint page went out without its credit (or, once it ended, without its notice): say so. */
function warnNoBanner(eleventyConfig: EleventyConfigLike, inputPath: string, options: ResolvedOptions, ended = false): void {
  if (ended) {
    print(
      eleventyConfig,
      `eleventy-plugin-syndication: ${displayPath(inputPath)} is expired or withdrawn, but its template's content ` +
        `does not reach the page, so the article may still show. Put {{ ${options.dataKey}.tombstone.html | safe }} ` +
        `in its template in place of the article.`,
      "warn",
    );
    return;
  }
  const why =
    options.bannerPosition === "none"
      ? "bannerPosition is \"none\" and the page has no {% syndicationBanner %}"
      : "the template's content does not reach the page (a .11ty.js template, or Nunjucks {% extends %})";
  print(
    eleventyConfig,
    `eleventy-plugin-syndication: ${displayPath(inputPath)} has no attribution banner: ${why}. ` +
      `Put {% syndicationBanner %} (or {{ ${options.dataKey}.banner.html | safe }}) where the credit belongs.`,
    "warn",
  );
}

/** Reprints whose right to be shown ends soon: named, with the date, once a build. */
function warnExpiring(eleventyConfig: EleventyConfigLike, state: Map<string, PageState>, options: ResolvedOptions): void {
  const now = options.now().getTime();
  const horizon = now + options.expiryWarningDays * 86_400_000;
  for (const [inputPath, { result }] of state) {
    const reprint = result.reprint;
    if (reprint?.status !== "live" || !reprint.expires) continue;
    const end = Date.parse(reprint.expires.iso);
    if (end > horizon) continue;
    const days = Math.ceil((end - now) / 86_400_000);
    print(
      eleventyConfig,
      `eleventy-plugin-syndication: ${displayPath(inputPath)} may be shown until ${reprint.expires.formatted} ` +
        `(${days} day${days === 1 ? "" : "s"}); after that the build replaces it with a notice. Renew the permission and update syndication.expires, or let it end.`,
      "warn",
    );
  }
}

/** The page that answers at a moved reprint's old address: works on any static host. */
const REDIRECT_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved</title>
<meta http-equiv="refresh" content="0; url={{ redirect.to }}">
<link rel="canonical" href="{{ redirect.to }}">
<meta name="robots" content="noindex">
</head>
<body>
<p>This article has moved to <a href="{{ redirect.to }}">{{ redirect.to }}</a>.</p>
</body>
</html>
`;

/** Hold this build's reprint addresses against the lock file: problems, redirects, what to write. */
function checkLock(
  state: Map<string, PageState>,
  items: CollectionItem[],
  options: ResolvedOptions,
): { problems: LockProblem[]; redirects: Redirect[]; write?: string } {
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
  if (!options.lockFile) {
    return { problems: [], redirects: reconcile(EMPTY_LOCK, [...current.values()], unlisted).redirects };
  }
  const path = resolve(options.lockFile);
  const shown = displayPath(options.lockFile);
  let before: string | undefined;
  let lock = EMPTY_LOCK;
  try {
    before = readFileSync(path, "utf8");
    lock = parseLock(before);
  } catch (error) {
    if (before !== undefined) {
      const why = error instanceof Error ? error.message : String(error);
      return {
        problems: [{ file: shown, field: "lock", message: `cannot be read: ${why}`, fix: "restore it from version control, or delete it to start a new lock" }],
        redirects: [],
      };
    }
  }
  const result = reconcile(lock, [...current.values()], unlisted);
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
  const empty = Object.keys(result.next.reprints).length === 0;
  if (after === before || (before === undefined && empty) || problems.length > 0) {
    return { problems, redirects: result.redirects };
  }
  if (process.env.CI === "true" && !options.updateLockInCI) {
    problems.push({
      file: shown,
      field: "lock",
      message: `would change in CI (${result.changes.join("; ")})`,
      fix: `build locally and commit ${shown}, or set the plugin option updateLockInCI: true`,
    });
    return { problems, redirects: result.redirects };
  }
  return { problems, redirects: result.redirects, write: after };
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
  eleventyConfig.on("eleventy.before", () => {
    state.clear();
    checked = undefined;
  });

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

    if (typeof content !== "string") return undefined;
    // Expired or withdrawn: the article's text is gone from the page; a notice stands in its place.
    if (reprint.tombstone) return reprint.tombstone.html;
    if (options.bannerPosition === "none") return undefined;
    const banner = reprint.banner.html;
    return options.bannerPosition === "top" ? `${banner}\n\n${content}` : `${content}\n\n${banner}\n`;
  });

  // Collections run once, after every page is read and before anything is written: the one
  // place to report every broken reprint at once, and to hold the addresses against the lock.
  let checked: { error?: SyndicationError; redirects: Redirect[] } | undefined;
  let pendingLock: string | undefined;
  const check = (api: CollectionApi) => {
    if (!checked) {
      const items = api.getAll();
      const found = collectProblems(state, items);
      let redirects: Redirect[] = [];
      if (found.size === 0) {
        const lock = checkLock(state, items, options);
        redirects = lock.redirects;
        pendingLock = lock.write;
        for (const { file, ...problem } of lock.problems) found.set(file, [...(found.get(file) ?? []), problem]);
      }
      const problems = locate(found);
      checked = { redirects, ...(problems.length > 0 ? { error: new SyndicationError(problems) } : {}) };
      if (checked.error) print(eleventyConfig, checked.error.report);
      else warnExpiring(eleventyConfig, state, options);
    }
    if (checked.error) throw checked.error;
    return checked;
  };
  const live = (api: CollectionApi) =>
    api.getAll().filter((item) => state.get(item.inputPath)?.result.reprint?.status === "live").sort(byOriginalDate(state));

  eleventyConfig.addCollection(options.collectionName, (api) => {
    check(api);
    return live(api);
  });

  // The same reprints oldest first: Eleventy's order for collections, which the official RSS
  // plugin expects (it reverses the collection to put the newest entry first).
  eleventyConfig.addCollection(`${options.collectionName}OldestFirst`, (api) => {
    check(api);
    return live(api).reverse();
  });

  // Old addresses of moved reprints, each answered by a small redirect page (any static host).
  eleventyConfig.addCollection("syndicationRedirects", (api) => check(api).redirects);
  eleventyConfig.addTemplate("syndication-redirects.njk", REDIRECT_PAGE, {
    pagination: { data: "collections.syndicationRedirects", size: 1, alias: "redirect" },
    permalink: "{{ redirect.from }}",
    eleventyExcludeFromCollections: true,
    layout: false,
  });

  // The lock changes only after a build that succeeded, and never behind a watcher's back.
  if (options.lockFile) eleventyConfig.watchIgnores?.add(options.lockFile);
  eleventyConfig.on("eleventy.after", () => {
    if (options.lockFile && pendingLock !== undefined) writeFileSync(resolve(options.lockFile), pendingLock);
    pendingLock = undefined;
  });

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
    if (reprint.tombstone) {
      if (!content.includes(TOMBSTONE_CLASS)) warnNoBanner(eleventyConfig, this.page.inputPath, options, true);
    } else if (!content.includes(BANNER_CLASS)) {
      warnNoBanner(eleventyConfig, this.page.inputPath, options);
    }
    return rewriteHead(content, {
      originalUrl: reprint.originalUrl,
      indexing: reprint.indexing,
      ogUrlToOriginal: options.ogUrl === "original",
      // A notice is not the article: no NewsArticle for it.
      ...(options.jsonLd && !reprint.tombstone ? { extra: jsonLdScript(buildJsonLd(reprint, page.title)) } : {}),
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
