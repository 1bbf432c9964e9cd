/**
 * `eleventy-syndication import`: a plain-text article as a Markdown reprint. The reprint is judged
 * with the rest of the site by the site's own Eleventy, as a virtual page where it would be written,
 * before anything is written: it is written only if it brings no error of its own.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { configOption, judgeSite, UsageError, type SiteFlags } from "./common.js";
import { isInside, throughLinks, writeWhole } from "../util/files.js";
import { showable } from "../util/text.js";
import { bodyDigest } from "../reprint/digest.js";
import { flagFor } from "../reprint/fields.js";
import { importText, readArticle, type Credit } from "../intake/importer.js";
import type { SiteInfo } from "../eleventy/command.js";
import type { Finding } from "../report/finding.js";
import { RULES } from "../rules/index.js";

const PAGE_RULES = new Set<string>(RULES.filter((rule) => rule.stage === "page").map((rule) => rule.id));

type Flags = SiteFlags & Record<string, string | string[] | boolean | undefined>;

/**
 * Where `import --out` may write: a .md file inside the input folder once links are resolved, not
 * in the includes, data or output folders (never built as a page, or overwritten by the build),
 * and not a link itself. Returns the real path to write.
 */
function importTarget(out: string, site: SiteInfo): string {
  const where = `--out ${out}`;
  // Eleventy's folders (`./site/_includes/`) as an editor names them.
  const shown = (folder: string) => folder.replace(/^\.\//, "").replace(/\/$/, "") || ".";
  if (!out.endsWith(".md")) throw new UsageError(`${where} must be a .md file, which the build reads as a reprint`);
  const input = throughLinks(site.input);
  const target = throughLinks(out);
  if (!isInside(target, input) || target === input) {
    throw new UsageError(`${where} must be a .md file inside the site's input folder (${shown(site.input)}), where the build will find it${target !== resolve(out) ? ` (it leads to ${target})` : ""}`);
  }
  for (const [kind, folder] of [["includes", site.includes], ["data", site.data], ["output", site.output]] as const) {
    if (isInside(target, throughLinks(folder))) {
      throw new UsageError(`${where} is in the ${kind} folder (${shown(folder)}), ${kind === "output" ? "which the build overwrites" : "whose files the build does not make into pages"}: give a file among the site's pages`);
    }
  }
  const stat = lstatSync(out, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) throw new UsageError(`${where} is a symbolic link; import writes only to a real file, never through a link`);
  if (stat?.isDirectory()) throw new UsageError(`${where} is a folder; give the .md file to write`);
  return target;
}

/** "Jane Doe (University of Leeds)": a name and the institution the author writes from. */
function author(text: string): string | { name: string; affiliation: string } {
  // The last bracket, found without trying every split of the name (linear in its length).
  const match = /\(([^()]+)\)$/.exec(text.trim());
  const name = match ? text.trim().slice(0, match.index).trim() : "";
  return match && name !== "" ? { name, affiliation: match[1]!.trim() } : text;
}

/** The reprint's front matter, from the credit line and the flags. */
function frontMatter(flags: Flags, credit: Credit | undefined, body: string, site: SiteInfo): Record<string, unknown> {
  const syndication: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => value !== undefined && (syndication[key] = value);
  // A credit line that names a known publisher (a preset, or an entry of the sources option) gives its key.
  const known = credit && Object.entries(site.sources).find(([, name]) => name === credit.source)?.[0];
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

/** The file's text: YAML front matter (an address on one line, dates as text) and the body. */
async function fileText(front: Record<string, unknown>, body: string): Promise<string> {
  const { stringify } = await import("yaml");
  // YAML 1.1, as Eleventy reads it: a date written as text stays text.
  const yaml = stringify(front, { version: "1.1", lineWidth: 0 });
  return `---\n${yaml}---\n${body.endsWith("\n") ? body : `${body}\n`}`;
}

/** Errors the candidate brings: its own, and those of other files that were not there without it. */
function newErrors(before: Finding[], after: Finding[], file: string): Finding[] {
  const key = (f: Finding) => `${f.rule}\u0000${f.file}\u0000${f.field}\u0000${f.message}`;
  const had = new Set(before.map(key));
  return after.filter((f) => f.severity === "error" && (f.file === file || !had.has(key(f))));
}

/** Say why the reprint was not written: each problem, with the flag that gives the field where there is one. */
function refuse(textFile: string, errors: Finding[], credit: Credit | undefined, file: string): void {
  console.error(showable(`${textFile}: not written, since the reprint would not pass check:`));
  for (const p of errors) {
    // A flag mends what the reprint's own fields lack; a clash with another file is named with it.
    const own = PAGE_RULES.has(p.rule);
    let flag = own && p.field.startsWith("syndication.") ? flagFor(p.field.slice("syndication.".length)) : undefined;
    if (flag === "--licence" && credit?.creativeCommonsUnnamed) flag += " (the credit line names no particular Creative Commons licence)";
    console.error(showable(`  ${p.file === file ? "" : `${p.file}  `}${p.field}  ${p.message}${flag ? `: give ${flag}` : `, ${p.fix}`}`));
  }
  process.exitCode = 1;
}

async function importAction(textFile: string, flags: Flags): Promise<void> {
  if (!existsSync(textFile)) throw new UsageError(`${textFile} does not exist`);
  if (!statSync(textFile).isFile()) throw new UsageError(`${textFile} is not a file; give the article as a text file`);
  const before = await judgeSite(undefined, flags);
  const site = before.site;
  const name = textFile.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const out = (flags.out as string | undefined) ?? join(site.input, site.reprintsDir, `${name}.md`);
  const target = importTarget(out, site);
  const exists = existsSync(target);
  if (exists && !flags.force) {
    console.error(showable(`${out} already exists; give --force to overwrite it, or --out for another file.`));
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
  // Judged with the site, where it would be written, before anything is written.
  const path = relative(throughLinks(site.input), target).split("\\").join("/");
  const inputPath = join(site.input, path);
  const after = await judgeSite(undefined, flags, { path, content: text, ...(exists ? { replaces: `./${inputPath}` } : {}) });
  const file = relative(process.cwd(), inputPath).split("\\").join("/");
  const errors = newErrors(before.findings, after.findings, file);
  if (errors.length > 0) return refuse(textFile, errors, credit, file);
  mkdirSync(dirname(target), { recursive: true });
  writeWhole(target, text, { replace: Boolean(flags.force) }, out);
  console.log(showable(out));
}

export function importCommand(program: Command): void {
  program
    .command("import")
    .description("turn a plain-text article into a Markdown reprint, written only if the site's build would pass it")
    .argument("<text-file>", "the article as plain text; a leading credit line is read and dropped")
    .option("--url <url>", "the original article's address (syndication.originalUrl)")
    .option("--title <title>", "the headline")
    .option("--published <date>", "the original date, YYYY-MM-DD")
    .option("--source <name>", "the publisher, if the credit line does not say (or a key of the sources option)")
    .option("--licence <licence>", "permission, public-domain, or a Creative Commons id such as CC-BY-ND-4.0")
    .option("--author <name...>", "the author or authors; \"Jane Doe (University of Leeds)\" gives an affiliation")
    .option("--source-url <url>", "the publisher's home page")
    .option("--copyright <notice>", "a copyright notice to keep with the text")
    .option("--pixel <url>", "the publisher's tracking image (syndication.pixel)")
    .option("--out <file>", "where to write the Markdown (default: <input>/<reprintsDir>/<text-file name>.md)")
    .option("--force", "overwrite the file at --out if there is one")
    .addOption(configOption())
    .addHelpText("after", "\nExample:\n  $ npx eleventy-syndication import story.txt --url https://www.rferl.org/a/story/31609362.html --title \"A story\" --published 2021-12-14")
    .action(importAction);
}
