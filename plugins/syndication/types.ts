/** Public types of eleventy-plugin-syndication. */

/** How search engines are told about the original: see the README, "Indexing modes". */
export type IndexingMode = "canonical" | "noindex" | "both";

/** Where the plugin puts the attribution banner in the article's content. */
export type BannerPosition = "top" | "bottom" | "none";

/** A licence as written in front matter or in the `sources` option. */
export type LicenceInput = string | { name: string; url?: string };

/**
 * Banner sentences, one per kind of licence, and the notice of a reprint that is no longer shown.
 * Placeholders: {source}, {licence}, {author}, {title}, {published}.
 */
export interface Wording {
  permission: string;
  publicDomain: string;
  creativeCommons: string;
  custom: string;
  tombstone: string;
}

/** A publisher registered once in the plugin options and referenced by key from front matter. */
export interface SourceEntry {
  /** The publisher's name as readers should see it. */
  name: string;
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
  /** Name of the collection of reprints, newest original first. Default `"syndicated"`. */
  collectionName?: string;
  /** Luxon format for the formatted dates in template data. Default `"d LLLL yyyy"`. */
  dateFormat?: string;
  /** Luxon locale for formatted dates. Default `"en"`. */
  dateLocale?: string;
  /** The clock used to decide a reprint's status. Default: the real clock. */
  now?: () => Date;
  /** The permalink lock, relative to the project root (or absolute); `false` turns it off. Default `"syndication.lock.json"`. */
  lockFile?: string | false;
  /** Let a build under `CI=true` change the lock file. Default `false`: such a build fails instead. */
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
  authors: string[];
  copyright?: string;
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

/** One problem in one file, as the error report prints it. */
export interface Problem {
  file: string;
  line?: number;
  /** The field, for example `syndication.originalUrl`. */
  field: string;
  /** What is wrong, then how to fix it. */
  message: string;
  fix: string;
}
