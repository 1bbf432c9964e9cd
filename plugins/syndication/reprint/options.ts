import { isDuration } from "./dates.js";
import { parseLicence } from "./licences.js";
import { checkUrl } from "./url.js";
import { isUrlSegment } from "./permalink.js";
import { suggest } from "../util/suggest.js";
import { PRESETS, withPreset } from "./presets.js";
import { INDEXING_MODES } from "./fields.js";
import type { BannerPosition, IndexingMode, PublisherRules, SourceEntry, SyndicationOptions, Wording } from "../types.js";

/** A source after its preset is applied: it always has a name. */
export type ResolvedSource = SourceEntry & { name: string };

export const DEFAULT_WORDING: Wording = {
  permission: "This article was originally published by {source} and is reprinted with permission.",
  publicDomain: "This article was originally published by {source} and is in the public domain.",
  creativeCommons:
    "This article[[ by {author}]] was originally published by {source} and is republished under the {licence} licence.",
  custom: "This article[[ by {author}]] was originally published by {source} and is republished under {licence}.",
  tombstone: "This article is no longer available here. It was originally published by {source}, where you can read it.",
  excerpt: "This is an excerpt.",
  readMore: "Read the full article at {source}.",
  changes: "Changes made here: {changes}",
};

export interface ResolvedOptions {
  reprintsDir: string;
  /** The built-in presets and the site's own entries, each with its preset applied. */
  sources: Record<string, ResolvedSource>;
  bannerPosition: BannerPosition;
  wording: Wording;
  locales: Record<string, Partial<Wording>>;
  indexing: IndexingMode;
  ogUrl: "original" | "local";
  jsonLd: boolean;
  permalinkPrefix: string;
  dataKey: string;
  /** The collection of live reprints, newest original first; only where the site names one. */
  collectionName: string | false;
  /** `"published"`: a reprint without its own `date` is dated by its original; `"eleventy"`: Eleventy's rule. */
  pageDate: "published" | "eleventy";
  dateFormat: string;
  dateLocale: string;
  now: () => Date;
  lockFile: string | false;
  updateLockInCI: boolean;
  expiryWarningDays: number;
  oldestFirstCollection: string | false;
}

const POSITIONS: readonly BannerPosition[] = ["top", "bottom", "none"];

/** Thrown for a mistake in the plugin's own options (not in a reprint). */
export class OptionsError extends Error {
  skipOriginalStack = true;
  constructor(message: string) {
    super(`eleventy-plugin-syndication: ${message}`);
    this.name = "OptionsError";
  }
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new OptionsError(
    `option "${name}" is ${JSON.stringify(value)}, which is not one of ${allowed.map((a) => `"${a}"`).join(", ")}. ` +
      `Set it to one of those, or leave it out for "${fallback}".`,
  );
}

/** A collection the site asks for by name; none unless it does. */
function collectionName(name: string, value: unknown, example: string): string | false {
  if (value === undefined || value === false) return false;
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new OptionsError(`option "${name}" must be a collection name, such as "${example}"; leave it out for none.`);
}

function flag(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  throw new OptionsError(`option "${name}" must be true or false.`);
}

function days(value: unknown): number {
  if (value === undefined) return 14;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  throw new OptionsError(`option "expiryWarningDays" must be a number of days (0 or more).`);
}

function text(name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new OptionsError(`option "${name}" must be non-empty text; leave it out for "${fallback}".`);
}

/** A wording object has only the four sentence keys, each non-empty text. */
function checkWording(name: string, value: unknown): Partial<Wording> {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new OptionsError(`option "${name}" must be an object such as { permission: "..." }.`);
  }
  const keys = Object.keys(DEFAULT_WORDING);
  for (const [key, sentence] of Object.entries(value)) {
    if (!keys.includes(key)) {
      throw new OptionsError(`option "${name}.${key}" is not a sentence this plugin writes; use ${keys.join(", ")}.`);
    }
    if (typeof sentence !== "string" || sentence.trim() === "") {
      throw new OptionsError(`option "${name}.${key}" must be a sentence (text), with {source} where the publisher goes.`);
    }
  }
  return value as Partial<Wording>;
}

const OPTION_NAMES = [
  "reprintsDir", "sources", "bannerPosition", "wording", "locales", "indexing", "ogUrl", "jsonLd",
  "permalinkPrefix", "dataKey", "collectionName", "pageDate", "dateFormat", "dateLocale", "now", "lockFile",
  "updateLockInCI", "expiryWarningDays", "oldestFirstCollection",
];
const SOURCE_FIELDS = ["extends", "name", "url", "licence", "copyright", "indexing", "expiresAfter", "wording", "bannerPosition", "terms", "rules"];
const RULES = ["noEdits", "pixel", "keepLinks", "affiliations", "excerpts", "images", "permissionRecord"];

/** A publisher's rules: known names, each with a value it can take. */
function checkRules(where: string, value: unknown): PublisherRules {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new OptionsError(`option "${where}" must be an object such as { pixel: true }.`);
  }
  refuseUnknown(`option "${where}": `, value, RULES);
  const rules = value as PublisherRules;
  if (rules.noEdits !== undefined) oneOf(`${where}.noEdits`, rules.noEdits, ["warn", "error"] as const, "warn");
  for (const key of ["pixel", "keepLinks", "affiliations", "excerpts", "images", "permissionRecord"] as const) flag(`${where}.${key}`, rules[key], false);
  return rules;
}

/** A misspelt option would be silently ignored: refuse it, with the name it was meant to be. */
function refuseUnknown(where: string, value: object, known: string[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const guess = suggest(key, known);
    throw new OptionsError(`${where}"${key}" is not an option of this plugin; ${guess ? `did you mean "${guess}"?` : `the options are ${known.join(", ")}`}`);
  }
}

/** Merge the user's options over the documented defaults, refusing values that cannot work. */
export function resolveOptions(options: SyndicationOptions = {}): ResolvedOptions {
  if (options === null || typeof options !== "object") throw new OptionsError("the options must be an object.");
  refuseUnknown("option ", options, OPTION_NAMES);
  const prefix = permalinkPrefix(options.permalinkPrefix);
  if (options.now !== undefined && typeof options.now !== "function") {
    throw new OptionsError(`option "now" must be a function that returns a Date.`);
  }
  flag("jsonLd", options.jsonLd, true);
  const wording = checkWording("wording", options.wording ?? {});
  const locales = options.locales ?? {};
  if (typeof locales !== "object" || Array.isArray(locales)) {
    throw new OptionsError(`option "locales" must be an object of wordings keyed by language, such as { fr: { permission: "..." } }.`);
  }
  for (const [lang, entry] of Object.entries(locales)) checkWording(`locales.${lang}`, entry);
  const reprintsDir = text("reprintsDir", options.reprintsDir, "reprints").replace(/^\.?\/+|(?<!\/)\/+$/g, "");
  if (reprintsDir === "" || reprintsDir === ".") {
    throw new OptionsError(`option "reprintsDir" must name a folder under the input directory, such as "reprints".`);
  }
  const sources = resolveSources(options.sources ?? {});
  return {
    reprintsDir,
    sources,
    bannerPosition: oneOf("bannerPosition", options.bannerPosition, POSITIONS, "top"),
    wording: { ...DEFAULT_WORDING, ...wording },
    locales,
    indexing: oneOf("indexing", options.indexing, INDEXING_MODES, "canonical"),
    ogUrl: oneOf("ogUrl", options.ogUrl, ["original", "local"] as const, "original"),
    jsonLd: flag("jsonLd", options.jsonLd, true),
    permalinkPrefix: prefix,
    dataKey: text("dataKey", options.dataKey, "reprint"),
    collectionName: collectionName("collectionName", options.collectionName, "syndicated"),
    pageDate: oneOf("pageDate", options.pageDate, ["published", "eleventy"] as const, "published"),
    dateFormat: text("dateFormat", options.dateFormat, "d LLLL yyyy"),
    dateLocale: text("dateLocale", options.dateLocale, "en"),
    now: options.now ?? (() => new Date()),
    lockFile: options.lockFile === false ? false : text("lockFile", options.lockFile, "syndication.lock.json"),
    updateLockInCI: flag("updateLockInCI", options.updateLockInCI, false),
    expiryWarningDays: days(options.expiryWarningDays),
    oldestFirstCollection: collectionName("oldestFirstCollection", options.oldestFirstCollection, "syndicatedOldestFirst"),
  };
}

/** The start of every reprint's address, "/reprints/" unless given. */
function permalinkPrefix(value: unknown): string {
  const prefix = text("permalinkPrefix", value, "/reprints/");
  if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
    throw new OptionsError(`option "permalinkPrefix" must start and end with "/" (got "${prefix}").`);
  }
  // The start of every reprint's address: a path a browser reaches as written, on this site
  // (`//host/` would be another site's address, `/../` a parent folder's).
  if (prefix !== "/" && !prefix.slice(1, -1).split("/").every(isUrlSegment)) {
    throw new OptionsError(
      `option "permalinkPrefix" is ${JSON.stringify(prefix)}: each part between slashes must be letters, digits, "-", "_", "~" or dots between them, so that addresses are written as browsers ask for them; such as "/reprints/".`,
    );
  }
  return prefix;
}

/** The presets, then the site's own sources over them (each checked, and merged over the preset it extends). */
function resolveSources(own: Record<string, SourceEntry>): Record<string, ResolvedSource> {
  if (typeof own !== "object" || Array.isArray(own)) {
    throw new OptionsError(`option "sources" must be an object whose keys are the names used in front matter.`);
  }
  const sources: Record<string, ResolvedSource> = {};
  for (const [key, preset] of Object.entries(PRESETS)) sources[key] = preset as ResolvedSource;
  for (const [key, given] of Object.entries(own)) sources[key] = resolveSource(key, given);
  return sources;
}

/** One of the site's sources, merged over its preset, refusing values that cannot work. */
function resolveSource(key: string, given: SourceEntry): ResolvedSource {
  if (!given || typeof given !== "object" || Array.isArray(given)) {
    throw new OptionsError(`option "sources.${key}" must be an object with at least a "name".`);
  }
  refuseUnknown(`option "sources.${key}": `, given, SOURCE_FIELDS);
  checkExtends(key, given.extends);
  const entry = withPreset(key, given)!;
  if (typeof entry.name !== "string" || entry.name.trim() === "") {
    throw new OptionsError(`option "sources.${key}" needs a "name": the publisher's name as readers should see it.`);
  }
  if (entry.copyright !== undefined && (typeof entry.copyright !== "string" || entry.copyright.trim() === "")) {
    throw new OptionsError(`option "sources.${key}.copyright" must be the notice as text.`);
  }
  if (entry.indexing !== undefined) oneOf(`sources.${key}.indexing`, entry.indexing, INDEXING_MODES, "canonical");
  if (entry.bannerPosition !== undefined && entry.bannerPosition !== "top" && entry.bannerPosition !== "bottom") {
    throw new OptionsError(
      `option "sources.${key}.bannerPosition" is ${JSON.stringify(entry.bannerPosition)}, which is not one of "top", "bottom"; ` +
        `leave it out for the site's bannerPosition (placing the banner by hand is the site's bannerPosition: "none").`,
    );
  }
  if (given.wording !== undefined) checkWording(`sources.${key}.wording`, given.wording);
  if (given.rules !== undefined) checkRules(`sources.${key}.rules`, given.rules);
  if (entry.terms !== undefined && (typeof entry.terms !== "string" || entry.terms.trim() === "")) {
    throw new OptionsError(`option "sources.${key}.terms" must be text: where the publisher's republishing terms are.`);
  }
  if (entry.expiresAfter !== undefined && !isDuration(String(entry.expiresAfter))) {
    throw new OptionsError(
      `option "sources.${key}.expiresAfter" is ${JSON.stringify(entry.expiresAfter)}; write an ISO 8601 duration such as "P30D" (30 days) or "P1Y".`,
    );
  }
  if (entry.licence !== undefined) {
    const licence = parseLicence(entry.licence);
    if (!licence.ok) throw new OptionsError(`option "sources.${key}.licence" ${licence.message}: ${licence.fix}`);
  }
  const badUrl = entry.url === undefined ? undefined : checkUrl(String(entry.url));
  if (badUrl) throw new OptionsError(`option "sources.${key}.url" ${badUrl.message}: ${badUrl.fix}`);
  return entry as ResolvedSource;
}

/** A source's "extends": the name of a preset. */
function checkExtends(key: string, name: unknown): void {
  if (name === undefined || (typeof name === "string" && Object.hasOwn(PRESETS, name))) return;
  const guess = typeof name === "string" ? suggest(name, Object.keys(PRESETS)) : undefined;
  throw new OptionsError(
    `option "sources.${key}.extends" is ${JSON.stringify(name)}, which is not a preset; ${guess ? `did you mean "${guess}"?` : `the presets are ${Object.keys(PRESETS).join(", ")}`}`,
  );
}
