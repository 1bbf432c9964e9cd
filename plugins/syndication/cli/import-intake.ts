/**
 * `import --html` and `import --feed`: a publisher's republish box, or each new entry of its feed,
 * read by the intake readers and judged with the site before anything is written. What a reader
 * could not find is said field by field with the flag that supplies it, and nothing is written.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { judgeSite, UsageError } from "./common.js";
import { author, existing, fileText, importTarget, judgeAndWrite, type Draft } from "./import-write.js";
import { showable } from "../util/text.js";
import { readRepublishHtml, type IntakeFields, type IntakeProblem, type IntakeResult } from "../intake/intake.js";
import { dryRunLines, entryFileName, readFeed, selectEntries, type FeedEntry } from "../intake/intake-feed.js";
import type { Verdict } from "../eleventy/command.js";
import type { Person } from "../types.js";
import type { ImportFlags as Flags } from "./common.js";

/** The file's text, or the standard input's for `-`. */
function readInput(file: string, flag: string): string {
  if (file === "-") return readFileSync(0, "utf8");
  if (!existsSync(file)) throw new UsageError(`${flag} ${file} does not exist`);
  if (!statSync(file).isFile()) throw new UsageError(`${flag} ${file} is not a file`);
  return readFileSync(file, "utf8");
}

/** What the flags say, over what the HTML says. */
function givenFields(flags: Flags): IntakeFields {
  const text = (name: string) => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
  const authors = (flags.author as string[] | undefined)?.map((a): Person => {
    const person = author(a);
    return typeof person === "string" ? { name: person } : person;
  });
  const fields: IntakeFields = {};
  for (const [key, value] of [["source", text("source")], ["originalUrl", text("url")], ["title", text("title")], ["published", text("published")], ["licence", text("licence")], ["pixel", text("pixel")]] as const) {
    if (value !== undefined) (fields as Record<string, unknown>)[key] = value;
  }
  return authors ? { ...fields, authors } : fields;
}

/** The front matter to write: the reader's, with the flags it does not read (`--source-url`, `--copyright`). */
function frontMatterOf(result: IntakeResult, flags: Flags): Record<string, unknown> {
  const { syndication, ...rest } = result.frontMatter;
  const { digest, ...found } = syndication;
  const extra = {
    ...(typeof flags.sourceUrl === "string" ? { sourceUrl: flags.sourceUrl } : {}),
    ...(typeof flags.copyright === "string" ? { copyright: flags.copyright } : {}),
  };
  // The digest last, as the text import writes it: the fields an editor reads come first.
  return { ...rest, syndication: { ...found, ...extra, digest } };
}

/** A reader's problems that stop the reprint: said field by field with the flag, and the notes beside them. */
function unreadable(from: string, problems: IntakeProblem[]): boolean {
  const required = problems.filter((p) => p.required);
  if (required.length === 0) return false;
  console.error(showable(`${from}: not written, since the reprint would not pass check:`));
  for (const p of required) console.error(showable(`  ${p.field}  ${p.message}`));
  process.exitCode = 1;
  return true;
}

/** What the reader left out or could not find but the reprint can do without, for the editor to read. */
function sayNotes(from: string, result: IntakeResult): void {
  for (const p of result.problems.filter((p) => !p.required)) console.error(showable(`${from}: note: ${p.field} ${p.message}`));
  for (const note of result.notes) console.error(showable(`${from}: note: ${note}`));
}

/** A draft of a reader's result, or undefined (said why) where it cannot be written. */
async function draftOf(from: string, result: IntakeResult, out: string, verdict: Verdict, flags: Flags): Promise<Draft | undefined> {
  if (unreadable(from, result.problems)) return undefined;
  const target = importTarget(out, verdict.site);
  const there = existing(target, Boolean(flags.force));
  if (there) {
    console.error(showable(`${from}: ${there.replace(target, out)}`));
    process.exitCode = 1;
    return undefined;
  }
  sayNotes(from, result);
  return { from, out, target, text: await fileText(frontMatterOf(result, flags), result.body), imagesFlag: true };
}

export async function importHtml(file: string, flags: Flags): Promise<void> {
  const html = readInput(file, "--html");
  const before = await judgeSite(undefined, flags);
  const from = file === "-" ? "the standard input" : file;
  const result = await readRepublishHtml(html, { sources: before.site.sources, given: givenFields(flags), withoutImages: Boolean(flags.withoutImages) });
  const out = (flags.out as string | undefined) ?? join(before.site.input, before.site.reprintsDir, entryFileName({ id: "reprint", result }));
  const draft = await draftOf(from, result, out, before, flags);
  if (draft) await judgeAndWrite([draft], before, flags);
}

/** The flags that name one article: a feed has many. */
const ONE_ARTICLE = { url: "--url", title: "--title", published: "--published", author: "--author", pixel: "--pixel" };

export async function importFeed(file: string, flags: Flags): Promise<void> {
  for (const [key, flag] of Object.entries(ONE_ARTICLE)) {
    if (flags[key] !== undefined) throw new UsageError(`${flag} names one article, and a feed has many: each entry's comes from the feed`);
  }
  const folderFlag = flags.out as string | undefined;
  if (folderFlag?.endsWith(".md")) throw new UsageError(`with --feed, --out is the folder to write the entries to, not a file (${folderFlag})`);
  const limit = flags.limit === undefined ? undefined : Number(flags.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) throw new UsageError(`--limit ${String(flags.limit)} is not a number of entries; give a whole number such as 5`);
  const xml = readInput(file, "--feed");
  const before = await judgeSite(undefined, flags);
  const site = before.site;
  let entries: FeedEntry[];
  try {
    entries = await readFeed(xml, { sources: site.sources, given: givenFields(flags), withoutImages: Boolean(flags.withoutImages) });
  } catch (error) {
    console.error(showable(`${file}: ${(error as Error).message}`));
    process.exitCode = 1;
    return;
  }
  const folder = folderFlag ?? join(site.input, site.reprintsDir);
  const fileFor = (entry: FeedEntry) => join(folder, entryFileName(entry));
  let selection;
  try {
    selection = selectEntries(entries, { reprinted: before.originals, ...(typeof flags.since === "string" ? { since: flags.since } : {}), ...(limit !== undefined ? { limit } : {}) });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (flags.dryRun) {
    for (const line of dryRunLines(entries, selection, fileFor)) console.log(showable(line));
    return;
  }
  for (const line of dryRunLines(selection.skip.map((s) => s.entry), selection, fileFor)) console.log(showable(line));
  const drafts: Draft[] = [];
  for (const entry of selection.write) {
    const name = entry.result.frontMatter.title ?? entry.id;
    const draft = await draftOf(`${file}: ${name}`, entry.result, fileFor(entry), before, flags);
    if (draft) drafts.push(draft);
  }
  if (drafts.length > 0) await judgeAndWrite(drafts, before, flags);
}
