/**
 * `eleventy-syndication import`: an article as a Markdown reprint, from plain text (here), from a
 * publisher's republish box (`--html`) or from a feed (`--feed`, one reprint an entry; both in
 * import-intake.ts). Every reprint is judged with the rest of the site by the site's own Eleventy
 * before anything is written (import-write.ts): it is written only if it brings no error.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { configOption, judgeSite, UsageError, type ImportFlags as Flags } from "./common.js";
import { author, existing, fileText, importTarget, judgeAndWrite } from "./import-write.js";
import { importFeed, importHtml } from "./import-intake.js";
import { showable } from "../util/text.js";
import { bodyDigest } from "../reprint/digest.js";
import { importText, readArticle, type Credit } from "../intake/importer.js";
import type { SiteInfo } from "../eleventy/command.js";

/** The reprint's front matter, from the credit line and the flags. */
function frontMatter(flags: Flags, credit: Credit | undefined, body: string, site: SiteInfo): Record<string, unknown> {
  const syndication: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => value !== undefined && (syndication[key] = value);
  // A credit line that names a known publisher (a preset, or an entry of the sources option) gives its key.
  const known = credit && Object.entries(site.sources).find(([, entry]) => entry.name === credit.source)?.[0];
  set("source", flags.source ?? known ?? credit?.source);
  set("sourceUrl", flags.sourceUrl);
  set("originalUrl", flags.url);
  set("licence", flags.licence ?? credit?.licence);
  set("published", flags.published);
  const authors = (flags.author as string[] | undefined)?.map(author);
  set("author", authors && (authors.length === 1 ? authors[0] : authors));
  set("copyright", flags.copyright);
  set("pixel", flags.pixel);
  // The text as received: a build then notices an edit the publisher's terms may forbid.
  set("digest", bodyDigest(body));
  const front: Record<string, unknown> = { ...(flags.title ? { title: flags.title } : {}), syndication };
  // Markdown is pre-rendered by a template engine by default: text that looks like a tag stays text.
  if (/\{[{%#]/.test(body)) front.templateEngineOverride = "md";
  return front;
}

async function importAction(textFile: string | undefined, flags: Flags): Promise<void> {
  const given = [textFile !== undefined && "a text file", flags.html !== undefined && "--html", flags.feed !== undefined && "--feed"].filter(Boolean);
  if (given.length !== 1) {
    throw new UsageError(given.length === 0 ? "give the article: a text file, --html <file|-> or --feed <file>" : `give one article at a time, not ${given.join(" and ")}`);
  }
  if (flags.feed !== undefined) return importFeed(String(flags.feed), flags);
  if (flags.withoutImages !== undefined && flags.html === undefined) throw new UsageError("--without-images is for --html and --feed");
  for (const feedOnly of ["limit", "since", "dryRun"]) {
    if (flags[feedOnly] !== undefined) throw new UsageError(`--${feedOnly === "dryRun" ? "dry-run" : feedOnly} is for --feed`);
  }
  if (flags.html !== undefined) return importHtml(String(flags.html), flags);
  return importTextFile(textFile!, flags);
}

async function importTextFile(textFile: string, flags: Flags): Promise<void> {
  if (!existsSync(textFile)) throw new UsageError(`${textFile} does not exist`);
  if (!statSync(textFile).isFile()) throw new UsageError(`${textFile} is not a file; give the article as a text file`);
  const before = await judgeSite(undefined, flags);
  const site = before.site;
  const name = textFile.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const out = (flags.out as string | undefined) ?? join(site.input, site.reprintsDir, `${name}.md`);
  const target = importTarget(out, site);
  const there = existing(target, Boolean(flags.force));
  if (there) {
    console.error(showable(there.replace(target, out)));
    process.exitCode = 1;
    return;
  }
  const article = readArticle(readFileSync(textFile));
  const notImported = (why: string) => {
    console.error(showable(`${textFile}: not imported: it ${why}.`));
    process.exitCode = 1;
  };
  if ("problem" in article) return notImported(article.problem);
  const { credit, body } = importText(article.text);
  if (body.trim() === "") return notImported("has a credit line and no article after it");
  const text = await fileText(frontMatter(flags, credit, body, site), body);
  const flagNote = (flag: string) => (flag === "--licence" && credit?.creativeCommonsUnnamed ? `${flag} (the credit line names no particular Creative Commons licence)` : flag);
  await judgeAndWrite([{ from: textFile, out, target, text, flagNote }], before, flags);
}

export function importCommand(program: Command): void {
  program
    .command("import")
    .description("turn an article (plain text, a publisher's republish box, or each entry of a feed) into a Markdown reprint, written only if the site's build would pass it")
    .argument("[text-file]", "the article as plain text; a leading credit line is read and dropped")
    .option("--html <file>", "the HTML of a publisher's \"Republish this article\" box (- reads it from the standard input)")
    .option("--feed <file>", "an Atom or RSS feed: one reprint for each entry the site does not reprint yet")
    .option("--limit <n>", "with --feed: write at most this many entries, the first in the feed's order")
    .option("--since <date>", "with --feed: only entries first published on or after this date (YYYY-MM-DD)")
    .option("--dry-run", "with --feed: list what would be written, and why each other entry is left out; write nothing")
    .option("--without-images", "with --html or --feed: leave out the images whose rights the HTML does not give (with their figures)")
    .option("--url <url>", "the original article's address (syndication.originalUrl)")
    .option("--title <title>", "the headline")
    .option("--published <date>", "the original date, YYYY-MM-DD")
    .option("--source <name>", "the publisher, if the credit line does not say (or a key of the sources option)")
    .option("--licence <licence>", "permission, public-domain, or a Creative Commons id such as CC-BY-ND-4.0")
    .option("--author <name...>", "the author or authors; \"Jane Doe (University of Leeds)\" gives an affiliation")
    .option("--source-url <url>", "the publisher's home page")
    .option("--copyright <notice>", "a copyright notice to keep with the text")
    .option("--pixel <url>", "the publisher's tracking image (syndication.pixel)")
    .option("--out <file>", "where to write the Markdown (default: <input>/<reprintsDir>/<text-file name>.md; for --html and --feed, the last part of the original's address); with --feed, the folder to write to")
    .option("--force", "overwrite the file at --out if there is one")
    .addOption(configOption())
    .addHelpText(
      "after",
      [
        "\nExamples:",
        '  $ npx eleventy-syndication import story.txt --url https://www.rferl.org/a/story/31609362.html --title "A story" --published 2021-12-14',
        "  $ npx eleventy-syndication import --html republish-box.html",
        '  $ pbpaste | npx eleventy-syndication import --html - --pixel "https://pixel.propublica.org/pixel.gif?key=…"',
        "  $ npx eleventy-syndication import --feed the-conversation.atom --since 2025-09-01 --limit 5 --dry-run",
      ].join("\n"),
    )
    .action(importAction);
}
