// The package's own package.json, by its name (a package may import itself through its exports).
import pkg from "eleventy-plugin-syndication/package.json" with { type: "json" };
import { resolve } from "node:path";
import { FileError, writeWhole } from "./files.js";
import { resolveOptions, type ResolvedOptions } from "./options.js";
import { normalise, type FieldProblem } from "./validate.js";
import { fileNameProblem, reprintPermalink } from "./permalink.js";
import { isDocument, rewriteHead, withoutCanonicals } from "./head.js";
import { buildJsonLd, jsonLdScript } from "./jsonld.js";
import { SyndicationError, formatProblem } from "./report.js";
import { bodyHasImage, hasImage, linksInMarkdown, markImage, missingLinks, rewrittenPixel, unmarkImages } from "./links.js";
import { markEntry } from "./hentry.js";
import { IMAGE_OPT_OUT } from "./banner.js";
import { quote, showable } from "./text.js";
import { yamlDates } from "./locate.js";
import {
  byOriginalDate,
  checkLock,
  collectProblems,
  displayPath,
  expiringSoon,
  inReprintsDir,
  warningsOf,
  locate,
  readWrittenDates,
  type AddressedPage,
  type PageState,
} from "./checks.js";
import type { Redirect } from "./lock.js";
import { bodyProblem } from "./body.js";
import { guardFrontMatter, type FrontMatterHost } from "./frontmatter.js";
import { rulesFromConfig, type DataFileConfig } from "./datafiles.js";
import type { Reprint, SyndicationOptions } from "./types.js";

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
  page: { inputPath: string; fileSlug: string; lang?: unknown; date?: unknown };
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

/** Print through Eleventy's logger (shown even in quiet mode, like Eleventy's own errors). */
function print(eleventyConfig: EleventyConfigLike, text: string, type: "error" | "warn" = "error"): void {
  const logger = eleventyConfig.logger;
  if (logger && typeof logger.message === "function") logger.message(text, type, type === "error" ? "red" : "yellow", true);
  else if (type === "error") console.error(text);
  else console.warn(text);
}

const BANNER_CLASS = 'class="syndication-banner"';
const TOMBSTONE_CLASS = 'class="syndication-tombstone"';

/** Reprint pages that went out without their credit (or, once ended, without their notice). */
interface Missing {
  banner: string[];
  tombstone: string[];
  /** Pages whose banner reached them as text: the Markdown library escapes HTML. */
  escaped: string[];
  /** Pages that call {% syndicationBanner %} where the content already has the banner. */
  placedTwice: string[];
}

/** Say which pages lack the banner or notice, and how to place it: a line a page, or a summary. */
function warnMissing(eleventyConfig: EleventyConfigLike, missing: Missing, options: ResolvedOptions): void {
  const say = (unsorted: string[], what: (file: string) => string, summary: string) => {
    // Pages render in no fixed order: name them in file order.
    const files = [...unsorted].sort();
    if (files.length <= 5) {
      // One line a warning: a file name's line breaks and escape sequences are shown escaped.
      for (const file of files) print(eleventyConfig, showable(`eleventy-plugin-syndication: ${what(file)}`), "warn");
    } else {
      const shown = files.slice(0, 5).map(displayPath).join(", ");
      print(eleventyConfig, showable(`eleventy-plugin-syndication: ${files.length} ${summary} (${shown}, and ${files.length - 5} more)`), "warn");
    }
  };
  const why =
    options.bannerPosition === "none"
      ? "bannerPosition is \"none\" and the page has no {% syndicationBanner %}"
      : "the template's content does not reach the page (a .11ty.js template, or Nunjucks {% extends %})";
  const fix = `Put {% syndicationBanner %} (or {{ ${options.dataKey}.banner.html | safe }}) where the credit belongs.`;
  say(
    missing.banner,
    (file) => `${displayPath(file)} has no attribution banner: ${why}. ${fix}`,
    `reprint pages have no attribution banner: ${why}. ${fix}`,
  );
  say(
    missing.escaped,
    (file) => `${displayPath(file)} shows its attribution banner as escaped text: the Markdown library does not allow HTML (markdown-it's html option is false). Allow HTML, or set bannerPosition to "none" and put {% syndicationBanner %} in the layout.`,
    `reprint pages show their attribution banner as escaped text: the Markdown library does not allow HTML (markdown-it's html option is false). Allow HTML, or set bannerPosition to "none" and put {% syndicationBanner %} in the layout.`,
  );
  const twice = `The banner is shown once, where bannerPosition puts it; to place it with the shortcode instead, set bannerPosition: "none".`;
  say(
    missing.placedTwice,
    (file) => `${displayPath(file)} calls {% syndicationBanner %}, but its content already has the banner, so the shortcode printed nothing. ${twice}`,
    `reprint pages call {% syndicationBanner %}, but their content already has the banner, so the shortcode printed nothing. ${twice}`,
  );
  const ended = `Put {{ ${options.dataKey}.tombstone.html | safe }} in its template in place of the article.`;
  say(
    missing.tombstone,
    (file) =>
      `${displayPath(file)} is expired or withdrawn, but its template's content does not reach the page, so the article may still show. ${ended}`,
    `expired or withdrawn reprint pages may still show the article: their templates' content does not reach the page. ${ended}`,
  );
}

/** The page that answers at a moved reprint's old address: works on any static host (and path prefix). */
const REDIRECT_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved</title>
<meta http-equiv="refresh" content="0; url={{ redirect.to | url }}">
<link rel="canonical" href="{{ redirect.to | url }}">
<meta name="robots" content="noindex">
</head>
<body>
<p>This article has moved to <a href="{{ redirect.to | url }}">{{ redirect.to | url }}</a>.</p>
</body>
</html>
`;

/** Eleventy dates a page without `date` by a date in its path before the file's creation time. */
const FILE_NAME_DATE = /\d{4}-\d{2}-\d{2}/;

/** Pages of a paginated reprint: `/x/`, `/x/1/`, `/x/2/`, as Eleventy numbers them by default. */
function paginated(address: string, data: PageData): string {
  const n = (data.pagination as { pageNumber?: number } | undefined)?.pageNumber ?? 0;
  return n > 0 ? `${address}${n}/` : address;
}

/**
 * eleventy-plugin-syndication: validates reprints, puts the attribution banner in their content,
 * points search engines at the original and gives each a permanent address.
 */
export default function syndication(eleventyConfig: EleventyConfigLike, userOptions: SyndicationOptions = {}): void {
  // The Eleventy releases tested, as package.json's 11ty.compatibility says (the peer range).
  eleventyConfig.versionCheck(pkg["11ty"].compatibility);
  const options = resolveOptions(userOptions);
  const state = new Map<string, PageState>();
  // Reprints whose YAML front matter cannot be read: reported with the rest, not one at a time.
  const inputDir = () => eleventyConfig.directories?.input ?? ".";
  const frontMatter = guardFrontMatter(eleventyConfig as unknown as FrontMatterHost, (file) => inReprintsDir(file, inputDir(), options));
  const unreadable = frontMatter.unreadable;
  // How the site names its data files, to say which one set a field (read when a report is made).
  const dataFileRules = () => rulesFromConfig(inputDir(), eleventyConfig as unknown as DataFileConfig);
  const isReprint = (inputPath: string, data: PageData) =>
    data.syndication !== undefined || inReprintsDir(inputPath, inputDir(), options);

  // What one build learns: the check's verdict, the lock to write, pages without a banner.
  let checked: { error?: SyndicationError; redirects: Redirect[] } | undefined;
  let pendingLock: string | undefined;
  // Whether this build may write the lock (else why not), and the last notice of what it left out.
  let lockWrite: true | string = true;
  let lockNotice: string | undefined;
  let missing: Missing = { banner: [], tombstone: [], escaped: [], placedTwice: [] };
  // Pages whose content carries the banner (bannerPosition "top" or "bottom"): the shortcode yields to it.
  const bannerInContent = new Set<string>();
  // Pages left out of collections, which the check does not see (it sees what collections.all holds).
  const uncollected = new Set<string>();
  // What the rendered pages lack of their publishers' terms, by file (a page renders once per build).
  let rendered = new Map<string, FieldProblem[]>();
  const checkRendered = (inputPath: string, html: string, reprint: Reprint, links: string[] | undefined) => {
    const found: FieldProblem[] = [];
    if (reprint.pixel && !hasImage(html, reprint.pixel.url)) {
      const local = rewrittenPixel(html, reprint.pixel.url);
      found.push(
        local !== undefined
          ? {
              field: "syndication.pixel",
              message: `is not on the built page: an image transform replaced the tracking image ${quote(reprint.pixel.url)} with ${quote(local)}, so readers' views are not counted`,
              fix: `make the transform leave img.syndication-pixel alone (eleventy-img's transform skips an <img> with the ${IMAGE_OPT_OUT} attribute, which the plugin writes: something removed it)`,
            }
          : {
              field: "syndication.pixel",
              message: `is not on the built page: something between the Markdown and the page removed the tracking image ${quote(reprint.pixel.url)} (an image transform such as eleventy-img's replaces images it was not told to leave alone with local copies)`,
              fix: `write the image in the body as HTML with the ${IMAGE_OPT_OUT} attribute, or leave it out of the body and let the plugin add it, or put {{ ${options.dataKey}.pixel.html | safe }} in the layout`,
            },
      );
    }
    const lost = links ? missingLinks(links, html) : [];
    if (lost.length > 0) {
      found.push({
        field: "content",
        message: `lost ${lost.length} of the story's links on the way to the page (${lost.slice(0, 3).map(quote).join(", ")}${lost.length > 3 ? ", ..." : ""}), and ${reprint.source.name} asks that every link be kept`,
        fix: "write each link as Markdown [text](address) or as <a href>, and check what rewrites the page's HTML",
      });
    }
    if (found.length > 0) rendered.set(inputPath, found);
  };
  // A rebuild in --serve/--watch starts from nothing, so a deleted reprint leaves no trace.
  eleventyConfig.on("eleventy.before", (...args: unknown[]) => {
    // Only a build that writes the site records addresses: not --serve or --watch (an edit undone
    // while serving must not move the lock), not --to=json, not a dry run.
    const { runMode, outputMode } = (args[0] ?? {}) as { runMode?: string; outputMode?: string };
    lockWrite =
      runMode === "serve" || runMode === "watch"
        ? "--serve and --watch never write it"
        : (outputMode !== undefined && outputMode !== "fs") || process.argv.includes("--dryrun")
          ? "a build that writes no files does not write it"
          : true;
    state.clear();
    checked = undefined;
    rendered = new Map();
    missing = { banner: [], tombstone: [], escaped: [], placedTwice: [] };
    bannerInContent.clear();
    uncollected.clear();
  });

  // Validate each reprint as Eleventy reads it, then give it its data, its address and its banner.
  // Preprocessors see a page's data before Eleventy computes its URL and renders it, and what
  // they set on `data` is what the page is built with: nothing here touches other pages.
  eleventyConfig.addPreprocessor("syndication", "*", function (data, content) {
    const inputPath = this.inputPath ?? data.page.inputPath;
    if (data.eleventyExcludeFromCollections === true) uncollected.add(inputPath);
    if (unreadable().has(inputPath)) return undefined;
    if (!isReprint(inputPath, data)) return undefined;
    const title = typeof data.title === "string" ? data.title : undefined;
    // YAML turns 2021-13-45 into a valid (rolled-over) date; the text as written tells the truth.
    const raw = data.syndication as Record<string, unknown> | undefined;
    const written = yamlDates(raw).length > 0 ? (frontMatter.writtenDates(inputPath) ?? readWrittenDates(inputPath, raw)) : undefined;
    // The body is read for the digest only where the front matter records one.
    const body = raw instanceof Object && raw.digest !== undefined && typeof content === "string" ? content : undefined;
    const context = { title, lang: data.lang ?? data.page.lang, ...(written ? { written } : {}), ...(body !== undefined ? { body } : {}) };
    const result = normalise(data.syndication, context, options);
    const tag = typeof content === "string" && (result.reprint?.status ?? "live") === "live" ? bodyProblem(inputPath, content, (data.page as { templateSyntax?: unknown }).templateSyntax) : undefined;
    if (tag) result.problems.push(tag);
    const reprint = result.reprint;
    const source = reprint?.source.key !== undefined ? options.sources[reprint.source.key] : undefined;
    // Publishers that ask for every link of a story kept: note the body's links, to find them on the page.
    const links = source?.rules?.keepLinks && typeof content === "string" ? linksInMarkdown(content) : undefined;
    state.set(inputPath, { result, ...(title !== undefined ? { title } : {}), ...(links ? { links } : {}) });
    if (!reprint) return undefined;

    // Layouts read the normalised reprint under `reprint` (the dataKey option).
    data[options.dataKey] = reprint;
    // The permanent address, unless the page or its folder's data gives a permalink.
    if (data.permalink === undefined) {
      const address = reprintPermalink(options.permalinkPrefix, reprint.published?.iso, data.page.fileSlug);
      if (address === undefined) {
        // Nothing of the file name can be an address: reported with the rest; no page meanwhile.
        result.problems.push(fileNameProblem(data.page.fileSlug));
        data.permalink = false;
      } else if (data.pagination) {
        data.permalink = (d: PageData) => paginated(address, d);
      } else {
        data.permalink = address;
        // The address is final text: spare Eleventy compiling it as a template, once per page.
        data.dynamicPermalink = false;
      }
    }

    // Dated by the original, not by the file system: a CI checkout gives every file the same
    // creation time. A `date` of its own, or one in its file name (Eleventy's rule), wins.
    if (options.pageDate === "published" && reprint.published && data.date === undefined && !FILE_NAME_DATE.test(inputPath)) {
      data.page.date = new Date(reprint.published.iso);
    }

    if (typeof content !== "string") return undefined;
    // Expired or withdrawn: the article's text is gone from the page; a notice stands in its place.
    if (reprint.tombstone) {
      // Nothing of the article may reach the page, not even an excerpt a layout shows.
      if ((data.page as { excerpt?: unknown }).excerpt !== undefined) (data.page as { excerpt?: unknown }).excerpt = reprint.tombstone.text;
      return reprint.tombstone.html;
    }
    // An excerpt ends with its link to the whole; a pixel the body lacks is added after the text.
    const readMore = reprint.readMore ? `\n\n${reprint.readMore.html}\n` : "";
    // The body's own pixel is marked for image transforms to leave alone, like the one the plugin adds.
    const shown = reprint.pixel !== undefined && bodyHasImage(content, reprint.pixel.url);
    const article = shown ? markImage(content, reprint.pixel!.url) : content;
    const pixel = reprint.pixel && !shown ? `\n\n${reprint.pixel.html}\n` : "";
    // A publisher's placement wins over the site's, except manual placement.
    const position = options.bannerPosition === "none" ? "none" : (source?.bannerPosition ?? options.bannerPosition);
    if (position === "none") return article !== content || readMore || pixel ? `${article}${readMore}${pixel}` : undefined;
    bannerInContent.add(inputPath);
    const banner = reprint.banner.html;
    return position === "top" ? `${banner}\n\n${article}${readMore}${pixel}` : `${article}${readMore}\n\n${banner}\n${pixel}`;
  });

  // Once every page is read and before anything is written, all at once: every broken reprint in
  // one report, and the addresses held against the lock. It runs where the redirect pages are
  // paginated (below), so the site's collections gain nothing it did not ask for; the build stops
  // at the next step (eleventy.contentMap, before any page renders).
  const check = (items: AddressedPage[]) => {
    if (!checked) {
      const found = collectProblems(state, items);
      for (const [file, problem] of unreadable()) found.set(file, [problem, ...(found.get(file) ?? [])]);
      // The lock file's own problems are reported with the rest; its verdict on addresses needs valid reprints.
      const lock = checkLock(state, items, options, { write: lockWrite, othersFailed: found.size > 0 });
      const redirects = lock.redirects;
      pendingLock = lock.write;
      for (const { file, ...problem } of lock.problems) found.set(file, [...(found.get(file) ?? []), problem]);
      const problems = locate(found, dataFileRules());
      checked = { redirects, ...(problems.length > 0 ? { error: new SyndicationError(problems) } : {}) };
      if (checked.error) print(eleventyConfig, checked.error.report);
      else {
        // What the lock does not record yet (CI, --serve): said once, not at every rebuild.
        if (lock.notice !== undefined && lock.notice !== lockNotice) print(eleventyConfig, `eleventy-plugin-syndication: ${lock.notice}`, "warn");
        lockNotice = lock.notice;
        for (const message of expiringSoon(state, options)) print(eleventyConfig, `eleventy-plugin-syndication: ${message}`, "warn");
        for (const warning of locate(warningsOf(state), dataFileRules())) print(eleventyConfig, `eleventy-plugin-syndication: warning: ${formatProblem(warning)}`, "warn");
      }
    }
    return checked;
  };
  // The live reprints among some pages, newest original date first.
  const live = (items: unknown): CollectionItem[] =>
    Array.isArray(items)
      ? (items as CollectionItem[])
          .filter((item) => item?.url !== false && state.get(item?.inputPath)?.result.reprint?.status === "live")
          .sort(byOriginalDate(state))
      : [];

  // Old addresses of moved reprints, each answered by a small redirect page (any static host).
  // Paginating over `collections.all` puts this template after every page that collections hold,
  // and its `before` is the check above.
  eleventyConfig.addTemplate("syndication-redirects.njk", REDIRECT_PAGE, {
    pagination: { data: "collections.all", size: 1, alias: "redirect", before: (items: CollectionItem[]) => check(items).redirects },
    permalink: "{{ redirect.from }}",
    eleventyExcludeFromCollections: true,
    layout: false,
  });

  // Every page has its address and none has rendered: a broken reprint stops the build here, with
  // the SyndicationError itself (Eleventy would wrap an error thrown while it paginates).
  eleventyConfig.on("eleventy.contentMap", (...args: unknown[]) => {
    // A site whose templateFormats leave out Nunjucks has no redirect pages (Eleventy warns that
    // the virtual template's format is not the site's); its reprints are checked here instead,
    // against the same pages: those with an address, less those left out of collections.
    if (!checked) {
      const { inputPathToUrl = {} } = (args[0] ?? {}) as { inputPathToUrl?: Record<string, Array<string | false>> };
      check(
        Object.entries(inputPathToUrl).flatMap(([inputPath, urls]) =>
          urls.length > 0 && !uncollected.has(inputPath) ? [{ inputPath, url: urls[0] ?? false }] : [],
        ),
      );
    }
    if (checked!.error) throw checked!.error;
  });

  // Lists of reprints for layouts: `collections.all | reprints`, newest original date first.
  eleventyConfig.addFilter("reprints", live);
  // Collections only where the site names them: every collection is a key of `collections`, which
  // sites list as tags (eleventy-base-blog makes a page of each), and each costs Eleventy time that
  // grows with the square of the site's size.
  if (options.collectionName) eleventyConfig.addCollection(options.collectionName, (api) => live(api.getAll()));
  // The same reprints oldest first: Eleventy's order for collections, which the official RSS
  // plugin expects (it reverses what it is given).
  if (options.oldestFirstCollection) {
    eleventyConfig.addCollection(options.oldestFirstCollection, (api) => live(api.getAll()).reverse());
  }

  // The lock changes only after a build that succeeded and wrote the site.
  eleventyConfig.on("eleventy.after", () => {
    warnMissing(eleventyConfig, missing, options);
    // Pages that lost what their publisher's terms require (pixel, links): the build fails,
    // and a failed build does not move the lock.
    const broken = [...rendered.keys()].sort();
    const found = new Map(broken.map((file) => [file, rendered.get(file)!] as const));
    rendered = new Map();
    if (found.size > 0) {
      pendingLock = undefined;
      const error = new SyndicationError(locate(found, dataFileRules()), "rendered");
      print(eleventyConfig, error.report);
      throw error;
    }
    const text = pendingLock;
    pendingLock = undefined;
    if (!options.lockFile || text === undefined) return;
    try {
      // Whole or not at all: a kill or a full disk leaves the old lock as it was.
      writeWhole(resolve(options.lockFile), text, {}, displayPath(options.lockFile));
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      error.message = `eleventy-plugin-syndication: ${error.message}. The pages were written; the lock was left as it was: build again once it can be written.`;
      print(eleventyConfig, error.message);
      throw error;
    }
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
    // A pixel no image transform read keeps no attribute that is not HTML.
    if (reprint.pixel) content = unmarkImages(content);
    // The `renderTransforms` filter (feeds) passes a base URL and the page's content, not its
    // document: that content has no head to fix, and must not gain one (nor keep a canonical).
    if (this.baseHref !== undefined && !isDocument(content)) return withoutCanonicals(content);
    if (reprint.tombstone) {
      if (!content.includes(TOMBSTONE_CLASS)) missing.tombstone.push(this.page.inputPath);
    } else {
      if (content.includes(BANNER_CLASS)) content = markEntry(content);
      else if (content.includes("&quot;syndication-banner&quot;")) missing.escaped.push(this.page.inputPath);
      else missing.banner.push(this.page.inputPath);
      checkRendered(this.page.inputPath, content, reprint, page.links);
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
    const reprint = inputPath !== undefined ? state.get(inputPath)?.result.reprint : undefined;
    // Once a reprint has ended, its page is a notice: no credit for an article that is not there.
    if (reprint?.status !== "live") return "";
    // Never two banners: where bannerPosition put one in the content, that one is the page's.
    if (bannerInContent.has(inputPath!)) {
      if (!missing.placedTwice.includes(inputPath!)) missing.placedTwice.push(inputPath!);
      return "";
    }
    return reprint.banner.html;
  });
}

/** Adding the plugin twice keeps the first: nothing is doubled. */
(syndication as unknown as { eleventyPluginOptions: { unique: boolean } }).eleventyPluginOptions = { unique: true };
/** Eleventy's name for it: `eleventyConfig.hasPlugin("eleventy-plugin-syndication")`, and which plugin an error came from. */
Object.defineProperty(syndication, "eleventyPackage", { value: pkg.name });

// `import { syndicationPlugin }` beside the default, as the official plugins have.
export { syndication as syndicationPlugin };
/**
 * `require("eleventy-plugin-syndication")` in a CommonJS config (Node 20.19+) gives the plugin
 * itself. Left out of the type declarations (stripInternal): TypeScript before 5.6 cannot read them.
 * @internal
 */
export { syndication as "module.exports" };
