/** Public types of eleventy-plugin-syndication. */

/** How search engines are told about the original: see the README, "Indexing modes". */
export type IndexingMode = "canonical" | "noindex" | "both";

/** Where the plugin puts the attribution banner in the article's content. */
export type BannerPosition = "top" | "bottom" | "none";

/** A licence as written in front matter or in the `sources` option. */
export type LicenceInput = string | { name: string; url?: string };

/**
 * Banner sentences, one per kind of licence, the notice of a reprint that is no longer shown, and
 * the sentences of excerpts and edited reprints.
 * Placeholders: {source}, {licence}, {author}, {title}, {published}, and {changes} in `changes`.
 */
export interface Wording {
  permission: string;
  publicDomain: string;
  creativeCommons: string;
  custom: string;
  tombstone: string;
  /** Before the credit of a reprint marked `excerpt: true`. */
  excerpt: string;
  /** The link that ends an excerpt; {source} links to the original. */
  readMore: string;
  /** After the credit of a reprint whose front matter notes `changes`. */
  changes: string;
}

/**
 * What a publisher's republishing terms ask of every reprint, checked at build time.
 * Each preset says where each rule comes from (README, "Publisher presets").
 */
export interface PublisherRules {
  /**
   * No edits beyond time, place and house style: a reprint that records the digest of its body
   * as received is checked against it. `"warn"` (the default for every source) or `"error"`.
   */
  noEdits?: "warn" | "error";
  /** The publisher's tracking pixel (`syndication.pixel`) must be on the page. */
  pixel?: boolean;
  /** Every link of the body as received must still be on the rendered page. */
  keepLinks?: boolean;
  /** Every author must be credited with their institution (`author: { name, affiliation }`). */
  affiliations?: boolean;
  /** `false`: the publisher grants the right to reprint whole articles only. Default `true`. */
  excerpts?: boolean;
}

/** A person credited for a reprint, with the institution they write from where known. */
export interface Person {
  name: string;
  affiliation?: string;
}

/**
 * A publisher registered once in the plugin options and referenced by key from front matter.
 * Built-in presets (`rferl`, `the-conversation`, `propublica`, `voa`) are entries too.
 */
export interface SourceEntry {
  /** A built-in preset this entry starts from; its own fields win. An entry keyed like a preset extends it. */
  extends?: string;
  /** The publisher's name as readers should see it (required unless a preset gives it). */
  name?: string;
  /** The publisher's home page. */
  url?: string;
  /** The licence reprints from this publisher carry unless a page says otherwise. */
  licence?: LicenceInput;
  /** A copyright notice kept with every reprint from this publisher. */
  copyright?: string;
  /** Indexing mode for this publisher's reprints. */
  indexing?: IndexingMode;
  /** How long reprints may be shown after the original date, as an ISO 8601 duration ("P30D"). */
  expiresAfter?: string;
  /** Sentences for this publisher's reprints, over the site's wording. {year} in `copyright` is the original's year. */
  wording?: Partial<Wording>;
  /** Where this publisher's credit must go, over the site's `bannerPosition` (not over `"none"`). */
  bannerPosition?: "top" | "bottom";
  /** The publisher's republishing terms, for a maintainer to check the rules against. */
  terms?: string;
  /** What the terms ask, checked at build time. */
  rules?: PublisherRules;
}

/** The plugin's options; every one is optional. */
export interface SyndicationOptions {
  /** Folder, relative to the input directory, whose pages must all be reprints. Default `"reprints"`. */
  reprintsDir?: string;
  /** Publishers referenced by key from `syndication.source`. Default `{}`. */
  sources?: Record<string, SourceEntry>;
  /** Where the banner goes in the content. Default `"top"`. */
  bannerPosition?: BannerPosition;
  /** Override some or all banner sentences. */
  wording?: Partial<Wording>;
  /** Per-locale overrides of the wording, chosen by the page's `lang` data, then its base language. */
  locales?: Record<string, Partial<Wording>>;
  /** Default indexing mode for the site. Default `"canonical"`. */
  indexing?: IndexingMode;
  /** `"original"` (default): an existing `og:url` points at the original; `"local"`: leave it alone. */
  ogUrl?: "original" | "local";
  /** Emit a JSON-LD NewsArticle in the head. Default `true`. */
  jsonLd?: boolean;
  /** Permalink prefix for reprints. Default `"/reprints/"`. */
  permalinkPrefix?: string;
  /** The data key under which layouts find the normalised reprint. Default `"reprint"`. */
  dataKey?: string;
  /** Also publish the live reprints, newest original first, as a collection of this name. Default: none (the `reprints` filter lists them). */
  collectionName?: string | false;
  /** `"published"` (default): a reprint without its own `date` is dated by `syndication.published`; `"eleventy"`: Eleventy's own date (the file's creation time). */
  pageDate?: "published" | "eleventy";
  /** Luxon format for the formatted dates in template data. Default `"d LLLL yyyy"`. */
  dateFormat?: string;
  /** Luxon locale for formatted dates. Default `"en"`. */
  dateLocale?: string;
  /** The clock used to decide a reprint's status. Default: the real clock. */
  now?: () => Date;
  /** The permalink lock, relative to the project root (or absolute); `false` turns it off. Default `"syndication.lock.json"`. */
  lockFile?: string | false;
  /**
   * `true`: a build under `CI` writes the lock as a local build does (for a CI that commits it
   * back). Default `false`: a CI build writes no lock, passes when the only change is new reprints
   * (saying which addresses to commit), and fails on any other change to a committed entry.
   */
  updateLockInCI?: boolean;
  /** Warn about reprints whose right to be shown ends within this many days. Default `14`. */
  expiryWarningDays?: number;
  /** Also publish the live reprints oldest first under this collection name (for the RSS plugin). Default: none. */
  oldestFirstCollection?: string | false;
}

/** A licence after validation. */
export interface Licence {
  kind: "permission" | "public-domain" | "creative-commons" | "custom";
  /** SPDX identifier for Creative Commons licences, else the kind. */
  id: string;
  /** Full name, for example "Creative Commons Attribution No Derivatives 4.0 International". */
  name: string;
  /** Short label, for example "CC BY-ND 4.0". */
  label: string;
  /** The licence deed (Creative Commons) or the URL given for a custom licence. */
  url?: string;
}

/** A date the plugin normalised: ISO date, and text formatted with luxon. */
export interface ReprintDate {
  iso: string;
  formatted: string;
}

/** What layouts receive under `reprint` (the `dataKey` option) for every valid reprint. */
export interface Reprint {
  source: { key?: string; name: string; url?: string };
  originalUrl: string;
  licence: Licence;
  /** The people credited, each with an institution where the front matter gives one. */
  authors: Person[];
  /** The authors as a byline reads: "Jane Doe (University of Leeds) and John Roe". Empty without authors. */
  byline: string;
  copyright?: string;
  /** The reprint is an excerpt: the banner says so and the article ends with a link to the whole. */
  excerpt: boolean;
  /** What the site changed in the text, as the front matter notes it. */
  changes?: string;
  /** The publisher's tracking pixel, and the element that shows it. */
  pixel?: { url: string; html: string };
  /** The closing link of an excerpt. */
  readMore?: { html: string; text: string };
  published?: ReprintDate;
  expires?: ReprintDate;
  withdrawn: boolean;
  /** When the publisher withdrew it, and what readers are told, where the front matter says. */
  withdrawal?: { date?: ReprintDate; note?: string };
  status: "live" | "expired" | "withdrawn";
  /** Earlier addresses of this reprint on this site, each answered by a redirect. */
  previousUrls: string[];
  indexing: IndexingMode;
  title?: string;
  banner: { html: string; text: string };
  /** The notice shown instead of the article once it is expired or withdrawn. */
  tombstone?: { html: string; text: string };
}

/** One error or warning: the rule that found it, where, what is wrong and how to fix it. */
export type { Finding, Severity } from "./report/finding.js";

/** One problem in one file, as the error report prints it: a finding's older name. */
export type Problem = import("./report/finding.js").Finding;
