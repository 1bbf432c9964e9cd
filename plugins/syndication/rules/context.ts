/** What each stage's rules are given to judge. */
import type { ResolvedOptions } from "../reprint/options.js";
import type { Values } from "../reprint/values.js";
import type { LockVerdict } from "../reprint/lock-check.js";
import type { AddressedPage, PageOutcome, Unreadable } from "../reprint/outcome.js";
import type { Reprint } from "../types.js";

/** One page, as Eleventy read it, before it has an address. */
export interface PageContext {
  /** The page's input path (`./src/reprints/a.md`). */
  file: string;
  values: Values;
  options: ResolvedOptions;
  /** Eleventy's `page.fileSlug`. */
  fileSlug: string;
  /** The page's own `permalink` data (undefined: the plugin gives the address). */
  permalink: unknown;
  /** The plugin's address for the page when it has no permalink: undefined where the file name gives none. */
  address(): string | undefined;
  /** The body as Eleventy will render it, and the languages it renders it with (`page.templateSyntax`). */
  content?: string;
  templateSyntax?: unknown;
}

export type { AddressedPage, PageOutcome } from "../reprint/outcome.js";

/** The whole site, once every page is read and has its address. */
export interface SiteContext {
  options: ResolvedOptions;
  /** Reprints by input path, in path order. */
  pages: Map<string, PageOutcome>;
  /** The pages that collections hold, with their addresses. */
  items: AddressedPage[];
  /** Reprints whose front matter cannot be read, by input path. */
  unreadable: Map<string, Unreadable>;
  /** Has any rule before this one found an error? (The lock's verdict on addresses needs valid reprints.) */
  othersFailed(): boolean;
  /** The lock's verdict, worked out once, when a rule first asks. */
  lock(): LockVerdict;
}

/** A reprint under embargo, and phrases of its text: a page that has one carries the text. */
export interface EmbargoedText {
  file: string;
  until: string;
  phrases: string[];
}

/** A built page: a reprint's, or (for the embargo) any page of the site. */
export interface RenderedContext {
  file: string;
  html: string;
  /** The page's reprint; undefined for a page that is not one. */
  reprint?: Reprint;
  /** The reprints under embargo in this build. */
  embargoed: EmbargoedText[];
  options: ResolvedOptions;
  /** The body's links, where the publisher asks that every one be kept. */
  links?: string[];
  /** The page called {% syndicationBanner %} where its content already had the banner. */
  placedTwice: boolean;
}
