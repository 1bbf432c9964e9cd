/**
 * eleventy-plugin-syndication: validates reprints, puts the attribution banner in their content,
 * points search engines at the original and gives each a permanent address. This file only wires
 * Eleventy's hooks to the build (eleventy/build.ts), which holds what one build learns.
 */
// The package's own package.json, by its name (a package may import itself through its exports).
import pkg from "eleventy-plugin-syndication/package.json" with { type: "json" };
import { resolve, sep } from "node:path";
import { resolveOptions, type ResolvedOptions } from "./reprint/options.js";
import { guardFrontMatter, type FrontMatterHost } from "./eleventy/frontmatter.js";
import { rulesFromConfig, type DataFileConfig } from "./eleventy/datafiles.js";
import { Build } from "./eleventy/build.js";
import { commandRun } from "./eleventy/command.js";
import { liveReprints, REDIRECT_PAGE } from "./eleventy/lists.js";
import type { CollectionItem, EleventyConfigLike, PageData } from "./eleventy/config.js";
import type { SyndicationOptions } from "./types.js";

export type * from "./types.js";
/** The permanent id of a rule (docs/rules.md has a section for each). */
export type { RuleId } from "./rules/index.js";
export type { EleventyConfigLike } from "./eleventy/config.js";
export { SyndicationError } from "./report/error.js";
export { OptionsError, DEFAULT_WORDING } from "./reprint/options.js";

export default function syndication(eleventyConfig: EleventyConfigLike, userOptions: SyndicationOptions = {}): void {
  // The Eleventy releases this plugin works with, as package.json's 11ty.compatibility says.
  eleventyConfig.versionCheck(pkg["11ty"].compatibility);
  const options = resolveOptions(userOptions);
  // The command's `--now` sets the clock of the run it asked for.
  const clock = commandRun()?.now;
  if (clock !== undefined) options.now = () => new Date(clock);
  const inputDir = () => eleventyConfig.directories?.input ?? ".";
  const reprintsFolder = () => resolve(inputDir(), options.reprintsDir) + sep;
  const inReprintsDir = (file: string) => resolve(file).startsWith(reprintsFolder());
  // Reprints whose YAML front matter cannot be read: reported with the rest, not one at a time.
  const frontMatter = guardFrontMatter(eleventyConfig as unknown as FrontMatterHost, inReprintsDir);
  // How the site names its data files, to say which one set a field (read when a report is made).
  const dataFileRules = () => rulesFromConfig(inputDir(), eleventyConfig as unknown as DataFileConfig);
  const build = new Build({ eleventyConfig, options, frontMatter, dataFileRules });

  addBuildHooks(eleventyConfig, build, inReprintsDir);
  addListFilters(eleventyConfig, build, options);
  addOutputHooks(eleventyConfig, build);
}

/** The build's hooks, in the order Eleventy runs them: the Markdown library, before, each page's data, the redirect pages, the content map. */
function addBuildHooks(eleventyConfig: EleventyConfigLike, build: Build, inReprintsDir: (file: string) => boolean): void {
  // The site's Markdown library (whichever it sets) adds the banner to the pages it renders.
  eleventyConfig.amendLibrary?.("md", (library) => build.markdownLibrary(library));
  eleventyConfig.on("eleventy.before", (args: unknown) => build.before((args ?? {}) as { runMode?: string; outputMode?: string }));
  // Preprocessors see a page's data before Eleventy computes its URL and renders it, and what they
  // set on `data` is what the page is built with: nothing here touches other pages.
  eleventyConfig.addPreprocessor("syndication", "*", function (data: PageData, content: unknown) {
    const inputPath = this.inputPath ?? data.page.inputPath;
    return build.preprocess(inputPath, data, content, data.syndication !== undefined || inReprintsDir(inputPath));
  });
  // Old addresses of moved reprints, each answered by a small redirect page (any static host).
  // Paginating over `collections.all` puts this template after every page that collections hold,
  // and its `before` is the verdict: the site's collections gain nothing it did not ask for.
  eleventyConfig.addTemplate("syndication-redirects.njk", REDIRECT_PAGE, {
    pagination: { data: "collections.all", size: 1, alias: "redirect", before: (items: CollectionItem[]) => build.judge(items) },
    permalink: "{{ redirect.from }}",
    eleventyExcludeFromCollections: true,
    layout: false,
  });
  eleventyConfig.on("eleventy.contentMap", (args: unknown) => build.contentMap((args as { inputPathToUrl?: Record<string, Array<string | false>> } | undefined)?.inputPathToUrl ?? {}));
}

/** Filters and collections for layouts. */
function addListFilters(eleventyConfig: EleventyConfigLike, build: Build, options: ResolvedOptions): void {
  const live = liveReprints((inputPath) => build.reprintOf(inputPath));
  // Lists of reprints for layouts: `collections.all | reprints`, newest original date first.
  eleventyConfig.addFilter("reprints", live);
  // Collections only where the site names them: every collection is a key of `collections`, which
  // sites list as tags, and each costs Eleventy time that grows with the square of the site's size.
  if (options.collectionName) eleventyConfig.addCollection(options.collectionName, (api) => live(api.getAll()));
  // Oldest first, Eleventy's order for collections, which the official RSS plugin expects.
  if (options.oldestFirstCollection) eleventyConfig.addCollection(options.oldestFirstCollection, (api) => live(api.getAll()).reverse());
  // For sitemaps: `collections.all | withoutReprints` (a reprint's canonical is the original).
  eleventyConfig.addFilter("withoutReprints", (items: unknown) =>
    Array.isArray(items) ? items.filter((item: { inputPath?: string }) => !build.isReprint(item?.inputPath ?? "")) : items,
  );
}

/** What the build adds to pages as they are written (the head, a banner placed by hand), and the lock after the build. */
function addOutputHooks(eleventyConfig: EleventyConfigLike, build: Build): void {
  eleventyConfig.addTransform("syndication-head", function (content: string) {
    return build.transform(this.page.inputPath, this.page.outputPath, this.baseHref, content);
  });
  // Manual placement, with bannerPosition: "none": {% syndicationBanner %}.
  eleventyConfig.addShortcode("syndicationBanner", function () {
    return build.shortcode(this.page?.inputPath);
  });
  // The lock changes only after a build that succeeded and wrote the site.
  eleventyConfig.on("eleventy.after", () => build.after());
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
