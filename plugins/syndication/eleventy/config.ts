/** The parts of Eleventy's config API and data the plugin uses (Eleventy ships no TypeScript types). */

export interface EleventyConfigLike {
  versionCheck(range: string): void;
  directories?: { input?: string; includes?: string; data?: string; output?: string };
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
  amendLibrary?(name: string, callback: (library: unknown) => void): void;
  watchIgnores?: Set<string>;
}

export interface PageData {
  syndication?: unknown;
  title?: unknown;
  lang?: unknown;
  permalink?: unknown;
  pagination?: unknown;
  page: { inputPath: string; fileSlug: string; lang?: unknown; date?: unknown; templateSyntax?: unknown; excerpt?: unknown };
  [key: string]: unknown;
}

export interface CollectionItem {
  inputPath: string;
  url: string | false;
  data: PageData;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
}

export interface TransformContext {
  page: { inputPath: string; outputPath: string | false };
  /** Set by the `renderTransforms` filter, which feeds use on a page's content. */
  baseHref?: string;
}

/** Print through Eleventy's logger (shown even in quiet mode, like Eleventy's own errors). */
export function print(eleventyConfig: EleventyConfigLike, text: string, type: "error" | "warn" = "error"): void {
  const logger = eleventyConfig.logger;
  if (logger && typeof logger.message === "function") logger.message(text, type, type === "error" ? "red" : "yellow", true);
  else if (type === "error") console.error(text);
  else console.warn(text);
}
