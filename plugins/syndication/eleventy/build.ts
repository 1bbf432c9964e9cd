/**
 * What one build learns, hook by hook: each reprint's outcome as Eleventy reads it, the verdict
 * once every page has its address, what the built pages lack, and the lock to write at the end.
 * One instance per plugin; `before` starts each build (and each rebuild of --serve/--watch) anew.
 */
import { resolve } from "node:path";
import { FileError, writeWhole } from "../util/files.js";
import { displayPath } from "../util/paths.js";
import { isDocument, rewriteHead, withoutCanonicals } from "../render/head.js";
import { buildJsonLd, jsonLdScript } from "../render/jsonld.js";
import { unmarkEdits } from "../render/links.js";
import { entryEdit } from "../render/hentry.js";
import { phrasesOf } from "../render/phrases.js";
import { withImageCredits } from "../render/image-credits.js";
import type { EmbargoedText } from "../rules/context.js";
import { contentWithBanner } from "../render/content.js";
import { placeAtRender, placeWithMarkdown, rendersMarkdown } from "./markdown.js";
import { SyndicationError } from "../report/error.js";
import { formatWarnings } from "../report/format.js";
import { isError, runRules, type RawFinding } from "../rules/run.js";
import { place } from "./place.js";
import { judgePage } from "./page.js";
import { originals, reprintRows, siteVerdict, type PagesRead, type SiteVerdict } from "./verdict.js";
import { commandRun, VerdictReached, type SiteInfo } from "./command.js";
import { print, type EleventyConfigLike, type PageData } from "./config.js";
import type { DataFileRules } from "./datafiles.js";
import type { FrontMatterGuard } from "./frontmatter.js";
import type { AddressedPage, PageOutcome } from "../reprint/outcome.js";
import type { ResolvedOptions } from "../reprint/options.js";
import type { Redirect } from "../reprint/lock.js";
import { reprintPermalink } from "../reprint/permalink.js";

/** Eleventy dates a page without `date` by a date in its path before the file's creation time. */
const FILE_NAME_DATE = /\d{4}-\d{2}-\d{2}/;

/** Pages of a paginated reprint: `/x/`, `/x/1/`, `/x/2/`, as Eleventy numbers them by default. */
function paginated(address: string, data: PageData): string {
  const n = (data.pagination as { pageNumber?: number } | undefined)?.pageNumber ?? 0;
  return n > 0 ? `${address}${n}/` : address;
}

export interface BuildSetup {
  eleventyConfig: EleventyConfigLike;
  options: ResolvedOptions;
  frontMatter: FrontMatterGuard;
  dataFileRules: () => DataFileRules;
}

export class Build {
  private pages = new Map<string, PageOutcome>();
  private pageFindings: RawFinding[] = [];
  /** Pages left out of collections, which the verdict does not see (it sees what collections.all holds). */
  private uncollected = new Set<string>();
  /** Pages whose content carries the banner: the shortcode yields to it. */
  private bannerInContent = new Set<string>();
  private placedTwice = new Set<string>();
  private rendered: RawFinding[] = [];
  /** Reprints under embargo, with phrases of their text: no built page may carry it. */
  private embargoed: EmbargoedText[] = [];
  private verdict?: SiteVerdict & { items: AddressedPage[] };
  /** Whether this build may write the lock, else why not; and the last notice of what it left out. */
  private lockWrite: true | string = true;
  private lastPending?: string;
  /** Whether the site's Markdown library adds the banner where it renders a page (see markdown.ts). */
  private markdownPlaces = false;

  constructor(private readonly setup: BuildSetup) {}

  /** A build starts from nothing, so a deleted reprint leaves no trace. */
  before(args: { runMode?: string; outputMode?: string }): void {
    // Only a build that writes the site records addresses: not --serve or --watch (an edit undone
    // while serving must not move the lock), not --to=json, not a dry run, not the command.
    const { runMode, outputMode } = args;
    this.lockWrite = commandRun()
      ? "check never writes it"
      : runMode === "serve" || runMode === "watch"
        ? "--serve and --watch never write it"
        : (outputMode !== undefined && outputMode !== "fs") || process.argv.includes("--dryrun")
          ? "a build that writes no files does not write it"
          : true;
    this.pages.clear();
    this.pageFindings = [];
    this.uncollected.clear();
    this.bannerInContent.clear();
    this.placedTwice.clear();
    this.rendered = [];
    this.embargoed = [];
    this.verdict = undefined;
  }

  /** A page Eleventy read: judged if it is a reprint; a valid one gets its data, address, date and banner. */
  preprocess(inputPath: string, data: PageData, content: unknown, isReprint: boolean): unknown {
    if (data.eleventyExcludeFromCollections === true) this.uncollected.add(inputPath);
    if (this.setup.frontMatter.unreadable().has(inputPath) || !isReprint) return undefined;
    const { options, frontMatter } = this.setup;
    const { outcome, findings } = judgePage(inputPath, data, content, options, { written: frontMatter.writtenDates, render: !commandRun() });
    this.pages.set(inputPath, outcome);
    this.pageFindings.push(...findings);
    const reprint = outcome.reprint;
    if (!reprint) return undefined;
    // Layouts read the normalised reprint under `reprint` (the dataKey option).
    data[options.dataKey] = reprint;
    if (reprint.status === "embargoed") return this.embargo(inputPath, data, content, reprint.embargo!.iso);
    // The permanent address, unless the page or its folder's data gives a permalink.
    if (data.permalink === undefined) {
      const address = reprintPermalink(options.permalinkPrefix, reprint.published?.iso, data.page.fileSlug)!;
      if (data.pagination) data.permalink = (d: PageData) => paginated(address, d);
      else {
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
    // The command stops before anything renders: the banner in the content is for rendering only.
    if (typeof content !== "string" || commandRun()) return undefined;
    // Credits under images with rights of their own are part of the article's text.
    const body = reprint.images ? withImageCredits(content, reprint.images) : content;
    // A paginated page renders its Markdown once per page with other data: it keeps the banner in its
    // text, as does a body the plugin edits (the text Eleventy keeps must be the edited one).
    const renderPlaces = this.markdownPlaces && body === content && !data.pagination && rendersMarkdown(data.page.templateSyntax);
    const placed = contentWithBanner(body, reprint, options, renderPlaces);
    if (placed.atRender) placeAtRender(data, placed.atRender);
    if (placed.bannerInContent) this.bannerInContent.add(inputPath);
    // Nothing of an ended article may reach the page, not even an excerpt a layout shows.
    if (reprint.tombstone && data.page.excerpt !== undefined) data.page.excerpt = reprint.tombstone.text;
    return placed.content ?? (body === content ? undefined : body);
  }

  /**
   * A reprint under embargo is left out as Eleventy leaves out a draft: no page (`permalink: false`),
   * in no collection, so in no list, feed or sitemap; the lock keeps its entry as it is.
   */
  private embargo(inputPath: string, data: PageData, content: unknown, until: string): undefined {
    data.permalink = false;
    data.eleventyExcludeFromCollections = true;
    this.uncollected.add(inputPath);
    this.embargoed.push({ file: inputPath, until, phrases: typeof content === "string" ? phrasesOf(content) : [] });
    return undefined;
  }

  /** The site's Markdown library (amendLibrary): it adds the banner to the pages it renders, if it can. */
  markdownLibrary(library: unknown): void {
    this.markdownPlaces = placeWithMarkdown(library);
  }

  /** A page's reprint, where it is a valid one. */
  reprintOf(inputPath: string) {
    return this.pages.get(inputPath)?.reprint;
  }

  /** Is the page a reprint (valid or not)? */
  isReprint(inputPath: string): boolean {
    return this.pages.has(inputPath);
  }

  private read(): PagesRead {
    return { pages: this.pages, findings: this.pageFindings, unreadable: this.setup.frontMatter.unreadable() };
  }

  /** The verdict, once a build: every page has its address, none has rendered. Returns the redirects. */
  judge(items: AddressedPage[]): Redirect[] {
    if (!this.verdict) {
      const { options, dataFileRules } = this.setup;
      this.verdict = { ...siteVerdict(this.read(), items, options, this.lockWrite, dataFileRules), items };
      if (!commandRun()) this.say(this.verdict.findings);
    }
    return this.verdict.redirects;
  }

  /** Print the errors' report, or else the warnings (the lock's notice once, not at every rebuild). */
  private say(findings: ReturnType<typeof place>): void {
    const errors = findings.filter(isError);
    if (errors.length > 0) return print(this.setup.eleventyConfig, new SyndicationError(errors).report);
    const pending = findings.find((f) => f.rule === "lock-pending")?.message;
    const warnings = findings.filter((f) => f.rule !== "lock-pending" || f.message !== this.lastPending);
    this.lastPending = pending;
    for (const line of formatWarnings(warnings)) print(this.setup.eleventyConfig, `eleventy-plugin-syndication: ${line}`, "warn");
  }

  /**
   * Every page has its address and none has rendered (eleventy.contentMap). A site without the
   * redirect template (its formats leave out Nunjucks) is judged here, against the same pages: those
   * with an address, less those left out of collections. A broken reprint stops the build here; for
   * the command, the verdict is handed over and the build stops, whatever it is.
   */
  contentMap(inputPathToUrl: Record<string, Array<string | false>>): void {
    if (!this.verdict) {
      this.judge(
        Object.entries(inputPathToUrl).flatMap(([inputPath, urls]) => (urls.length > 0 && !this.uncollected.has(inputPath) ? [{ inputPath, url: urls[0] ?? false }] : [])),
      );
    }
    const { findings, items } = this.verdict!;
    const run = commandRun();
    if (run) {
      run.receive({ findings, reprints: reprintRows(this.read(), items, findings), originals: originals(this.read()), site: this.site() });
      throw new VerdictReached();
    }
    const errors = findings.filter(isError);
    if (errors.length > 0) throw new SyndicationError(errors);
  }

  /** Where the site keeps things, and the options the command needs. */
  private site(): SiteInfo {
    const { eleventyConfig, options } = this.setup;
    const dirs = eleventyConfig.directories ?? {};
    return {
      input: dirs.input ?? "./",
      includes: dirs.includes ?? "./_includes/",
      data: dirs.data ?? "./_data/",
      output: dirs.output ?? "./_site/",
      reprintsDir: options.reprintsDir,
      lockFile: options.lockFile,
      sources: options.sources,
    };
  }

  /** A built page: one canonical, og:url and JSON-LD in its head, and the rendered page's rules. */
  transform(inputPath: string, outputPath: string | false, baseHref: string | undefined, content: string): string {
    const page = this.pages.get(inputPath);
    const reprint = page?.reprint;
    // Any page may carry an embargoed reprint's text (an excerpt in a list, a feed).
    if (!reprint && this.embargoed.length > 0 && typeof outputPath === "string") {
      runRules("rendered", { file: inputPath, html: content, options: this.setup.options, embargoed: this.embargoed, placedTwice: false }, inputPath, this.rendered);
    }
    if (!reprint || typeof outputPath !== "string" || !outputPath.endsWith(".html")) return content;
    const { options } = this.setup;
    // A pixel no image transform read keeps no attribute that is not HTML.
    const edits = reprint.pixel ? unmarkEdits(content) : [];
    // The `renderTransforms` filter (feeds) passes a base URL and the page's content, not its
    // document: that content has no head to fix, and must not gain one (nor keep a canonical).
    if (baseHref !== undefined && !isDocument(content)) return withoutCanonicals(content, edits);
    runRules("rendered", { file: inputPath, html: content, reprint, options, embargoed: this.embargoed, ...(page.links ? { links: page.links } : {}), placedTwice: this.placedTwice.has(inputPath) }, inputPath, this.rendered);
    const entry = !reprint.tombstone && content.includes('class="syndication-banner"') ? entryEdit(content) : undefined;
    if (entry) edits.push(entry);
    // The page is copied once, with every edit made.
    return rewriteHead(content, {
      originalUrl: reprint.originalUrl,
      indexing: reprint.indexing,
      ogUrlToOriginal: options.ogUrl === "original",
      // A notice is not the article: no NewsArticle for it.
      ...(options.jsonLd && !reprint.tombstone ? { extra: jsonLdScript(buildJsonLd(reprint, page.title)) } : {}),
    }, edits);
  }

  /** {% syndicationBanner %}: the banner where the layout puts it, once. */
  shortcode(inputPath: string | undefined): string {
    const reprint = inputPath !== undefined ? this.pages.get(inputPath)?.reprint : undefined;
    // Once a reprint has ended, its page is a notice: no credit for an article that is not there.
    if (reprint?.status !== "live") return "";
    // Never two banners: where bannerPosition put one in the content, that one is the page's.
    if (this.bannerInContent.has(inputPath!)) {
      this.placedTwice.add(inputPath!);
      return "";
    }
    return reprint.banner.html;
  }

  /** After the pages are written: what they lack fails the build (and keeps the lock); else the lock is written. */
  after(): void {
    const { eleventyConfig, options, dataFileRules } = this.setup;
    const found = place(this.rendered, dataFileRules());
    this.rendered = [];
    const warnings = found.filter((f) => !isError(f));
    for (const line of formatWarnings(warnings)) print(eleventyConfig, `eleventy-plugin-syndication: ${line}`, "warn");
    const errors = found.filter(isError);
    const text = this.verdict?.lockText;
    if (this.verdict) this.verdict.lockText = undefined;
    if (errors.length > 0) {
      const error = new SyndicationError(errors, "rendered");
      print(eleventyConfig, error.report);
      throw error;
    }
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
  }
}
