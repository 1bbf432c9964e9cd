/**
 * Reading a publisher's Atom or RSS 2.0 feed (feedparser, loaded only when a reader runs) into
 * one reprint per entry, each read like a republish box, and choosing which entries to write:
 * not those already reprinted, not those before `--since`, at most `--limit`. Pure: the command
 * line reads the feed and the site, and writes the files.
 */
import { DateTime } from "luxon";
import { originalKey } from "../reprint/lock.js";
import { parseDate } from "../reprint/dates.js";
import { licenceFromName } from "./importer.js";
import { personFromLine } from "./intake-fields.js";
import { readRepublishHtml, type IntakeContext, type IntakeFields, type IntakeResult } from "./intake.js";
import type FeedParser from "feedparser";

export interface FeedEntry {
  /** The entry's id (Atom `id`, RSS `guid`), else its link. */
  id: string;
  /** The entry read as a reprint: its content through the republish-box reader, the feed's fields where the content is silent. */
  result: IntakeResult;
}

/** Raw namespaced elements feedparser keeps beside its normalised fields. */
type Raw = { "#"?: string; "@"?: Record<string, string>; name?: Raw } | undefined;

/** Read a feed's text; every entry, in the feed's order. A text that is not a feed is an error that says so. */
export async function readFeed(xml: string, context: IntakeContext = {}): Promise<FeedEntry[]> {
  const { default: FeedParserClass } = (await import("feedparser")) as unknown as { default: typeof FeedParser };
  const { meta, items } = await parse(FeedParserClass, xml);
  const feedRights = meta ? rightsOf(meta as unknown as Record<string, Raw>) : undefined;
  const entries: FeedEntry[] = [];
  for (const item of items) {
    const raw = item as unknown as Record<string, Raw | Raw[]>;
    const fallback: IntakeFields = {
      ...context.fallback,
      ...(item.link ? { originalUrl: item.link } : {}),
      ...(item.title ? { title: item.title } : {}),
      ...publishedOf(raw),
      ...authorsOf(item, raw),
      ...licenceOf(rightsOf(raw as Record<string, Raw>) ?? feedRights),
    };
    const result = await readRepublishHtml(item.description ?? "", { ...context, fallback });
    entries.push({ id: item.guid || item.link || `entry ${entries.length + 1}`, result });
  }
  return entries;
}

function parse(FeedParserClass: typeof FeedParser, xml: string): Promise<{ meta: FeedParser.Meta | undefined; items: FeedParser.Item[] }> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParserClass({ addmeta: false });
    const items: FeedParser.Item[] = [];
    let meta: FeedParser.Meta | undefined;
    parser.on("error", (error: Error) => reject(new Error(`not an Atom or RSS feed that can be read: ${error.message.split("\n")[0]}`)));
    parser.on("meta", (m: FeedParser.Meta) => (meta = m));
    parser.on("readable", function (this: FeedParser) {
      for (let item = this.read(); item; item = this.read()) items.push(item);
    });
    parser.on("end", () => resolve({ meta, items }));
    parser.end(xml);
  });
}

const text = (raw: Raw | Raw[] | undefined): string | undefined => {
  const one = Array.isArray(raw) ? raw[0] : raw;
  const value = one?.["#"]?.trim();
  return value || undefined;
};

/**
 * The original date as the feed writes it: Atom's `published` as it is (with its offset, which
 * decides the month of the address), RSS's `pubDate` (RFC 822) as ISO 8601 with its offset.
 */
function publishedOf(raw: Record<string, Raw | Raw[]>): Pick<IntakeFields, "published"> {
  const atom = text(raw["atom:published"]) ?? text(raw["atom:updated"]);
  if (atom && parseDate(atom).ok) return { published: atom };
  const rss = text(raw["rss:pubdate"]) ?? text(raw["dc:date"]);
  if (!rss) return {};
  const date = DateTime.fromRFC2822(rss, { setZone: true });
  if (date.isValid) return { published: date.toISO({ suppressMilliseconds: true })! };
  return parseDate(rss).ok ? { published: rss } : {};
}

/**
 * The authors: Atom's `author` names (The Conversation writes "Name, Role, Institution"), or
 * RSS's `dc:creator` / `author`.
 */
function authorsOf(item: FeedParser.Item, raw: Record<string, Raw | Raw[]>): Pick<IntakeFields, "authors"> {
  const atom = raw["atom:author"];
  const names = (Array.isArray(atom) ? atom : atom ? [atom] : []).flatMap((a) => text(a?.name) ?? []);
  if (names.length === 0) {
    const creators = raw["dc:creator"];
    names.push(...(Array.isArray(creators) ? creators : creators ? [creators] : []).flatMap((c) => text(c) ?? []));
  }
  // RSS's author is an e-mail address, "jane@example.org (Jane Doe)": the name in brackets.
  if (names.length === 0 && item.author) names.push(item.author.replace(/^[^\s@]+@[^\s(]+\s*\((.*)\)$/, "$1"));
  const authors = names.flatMap((n) => personFromLine(n) ?? []);
  return authors.length > 0 ? { authors } : {};
}

const rightsOf = (raw: Record<string, Raw>): string | undefined => text(raw["atom:rights"]) ?? text(raw["dc:rights"]) ?? text(raw["rss:copyright"]);

/** A licence the rights line names in full ("CC BY-ND 4.0"); a line that names none leaves it to the publisher's source. */
function licenceOf(rights: string | undefined): Pick<IntakeFields, "licence"> {
  const id = rights ? licenceFromName(rights.replace(/^licen[cs]ed (?:as|under)\s+(?:an?\s+|the\s+)?/i, "").replace(/\.$/, "")) : undefined;
  return id ? { licence: id } : {};
}

export interface Selection {
  /** The entries to write, in the feed's order. */
  write: FeedEntry[];
  /** The entries left out, each with the reason, in the feed's order. */
  skip: { entry: FeedEntry; reason: string }[];
}

export interface SelectOptions {
  /** The originals the site reprints already, each with the file that reprints it. */
  reprinted?: Iterable<[originalUrl: string, file: string]>;
  /** `--since`: only entries whose original date is on or after this date (YYYY-MM-DD, or ISO 8601). */
  since?: string;
  /** `--limit`: at most this many entries are written (the first in the feed's order). */
  limit?: number;
}

/**
 * Which entries to write: not an original the site already reprints (compared as the lock
 * compares originals: host case and `#fragment` do not count), nor one the feed lists twice; none
 * before `since` (an entry without a date cannot be compared, and is left out too); at most `limit`.
 */
export function selectEntries(entries: FeedEntry[], options: SelectOptions = {}): Selection {
  const since = options.since === undefined ? undefined : sinceMillis(options.since);
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0)) {
    throw new Error(`--limit ${options.limit} is not a number of entries; give a whole number such as 5`);
  }
  const reprinted = new Map([...(options.reprinted ?? [])].map(([url, file]) => [originalKey(url), file]));
  const seen = new Map<string, FeedEntry>();
  const selection: Selection = { write: [], skip: [] };
  for (const entry of entries) {
    const { originalUrl, published } = entry.result.frontMatter.syndication;
    const key = originalUrl === undefined ? undefined : originalKey(originalUrl);
    const skip = (reason: string) => selection.skip.push({ entry, reason });
    if (key !== undefined && reprinted.has(key)) skip(`already reprinted by ${reprinted.get(key)}`);
    else if (key !== undefined && seen.has(key)) skip(`the feed lists ${originalUrl} twice (first as ${seen.get(key)!.id})`);
    else if (since !== undefined && published === undefined) skip(`has no date, so --since ${options.since} cannot tell whether it is new`);
    else if (since !== undefined && startOf(published!) < since) skip(`was published ${published}, before --since ${options.since}`);
    else if (options.limit !== undefined && selection.write.length >= options.limit) skip(`is beyond --limit ${options.limit}`);
    else selection.write.push(entry);
    if (key !== undefined && !seen.has(key)) seen.set(key, entry);
  }
  return selection;
}

function sinceMillis(since: string): number {
  const parsed = parseDate(since);
  if (!parsed.ok) throw new Error(`--since "${since}" is not a date; write it as 2025-06-01, or 2025-06-01T12:00:00Z`);
  return parsed.date.millis;
}

const startOf = (published: string): number => {
  const parsed = parseDate(published);
  return parsed.ok ? parsed.date.millis : Number.NaN;
};

/**
 * What a dry run prints, one line an entry in the feed's order: the file each entry would be
 * written to (with what it still needs, where a flag must supply it), or why it is left out.
 */
export function dryRunLines(entries: FeedEntry[], selection: Selection, fileFor: (entry: FeedEntry) => string): string[] {
  const skipped = new Map(selection.skip.map((s) => [s.entry, s.reason]));
  return entries.map((entry) => {
    const { title, syndication } = entry.result.frontMatter;
    const name = title ?? syndication.originalUrl ?? entry.id;
    const reason = skipped.get(entry);
    if (reason !== undefined) return `skip   ${name}: ${reason}`;
    const needs = [...new Set(entry.result.problems.filter((p) => p.required).map((p) => p.flag))];
    return `write  ${fileFor(entry)}  ${name}${needs.length > 0 ? `  (not until it has ${needs.join(", ")})` : ""}`;
  });
}

/**
 * A file name for an entry: the last part of the original's address (the publisher's own slug,
 * which does not change when a headline is edited), else the headline, as lower-case words.
 */
export function entryFileName(entry: FeedEntry): string {
  const { originalUrl } = entry.result.frontMatter.syndication;
  let words = "";
  try {
    if (originalUrl) words = decodeURIComponent(new URL(originalUrl).pathname.split("/").filter(Boolean).pop() ?? "").replace(/\.[a-z]+$/i, "");
  } catch {
    words = "";
  }
  if (!/[\p{L}\p{N}]/u.test(words)) words = entry.result.frontMatter.title ?? entry.id;
  let slug = words
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|(?<!-)-+$/g, "");
  // A long slug is cut at a word (a publisher's slug ends with its article number, which fits in 120).
  if (slug.length > 120) slug = slug.slice(0, 120).replace(/-[^-]*$/, "");
  return `${slug || "entry"}.md`;
}
