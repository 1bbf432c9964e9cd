#!/usr/bin/env node
/**
 * eleventy-syndication: check, import and report on reprints without building the site, and
 * forget reprints in the lock that were never deployed. Exit codes: 0 fine, 1 problems found (or a
 * file that cannot be read or written), 2 bad usage.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { FileError, isInside, readText, throughLinks, writeWhole } from "./util/files.js";
import { Command, CommanderError, Option } from "commander";
import matter from "gray-matter";
import { OptionsError, resolveOptions, type ResolvedOptions } from "./reprint/options.js";
import { bodyDigest } from "./reprint/digest.js";
import { checkProject, DataFileError, fileSlug, mergedData, type ProjectLayout } from "./cli/project.js";
import { fileNameProblem, reprintPermalink } from "./reprint/permalink.js";
import { forget, originalKey, parseLock, serializeLock } from "./reprint/lock.js";
import { quote, showable } from "./util/text.js";
import { displayPath } from "./reprint/checks.js";
import { parseDate } from "./reprint/dates.js";
import { formatReport } from "./report/format.js";
import { importText, readArticle } from "./intake/importer.js";
import { normalise } from "./reprint/validate.js";
import { endOf } from "./reprint/dates.js";
import { reportRows, formatTable, formatCsv, parseWithin } from "./report/table.js";
import type { SyndicationOptions } from "./types.js";

/** A mistake in how the command was called: exit code 2. */
class UsageError extends Error {}

interface Config {
  options: ResolvedOptions;
  input: string;
  layout: ProjectLayout;
}

/** `syndication.config.json`: the plugin's options (JSON ones), and the site's input folder. */
function loadConfig(path: string | undefined, now: string | undefined): Config {
  const file = path ?? (existsSync("syndication.config.json") ? "syndication.config.json" : undefined);
  let json: SyndicationOptions & { input?: string } & ProjectLayout = {};
  if (file) {
    if (!existsSync(file)) throw new UsageError(`config file ${file} does not exist`);
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new UsageError(`config file ${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (!json || typeof json !== "object" || Array.isArray(json)) throw new UsageError(`config file ${file} must hold an object of options`);
  }
  const { input = ".", includes, data, output, ...options } = json;
  const layout: ProjectLayout = { ...(includes ? { includes } : {}), ...(data ? { data } : {}), ...(output ? { output } : {}) };
  let clock: Date | undefined;
  if (now !== undefined) {
    const parsed = parseDate(now);
    if (!parsed.ok) throw new UsageError(`--now "${now}" is not a date; write it as 2025-06-01 or 2025-06-01T12:00:00Z`);
    clock = parsed.date.toJSDate();
  }
  try {
    return { input, layout, options: resolveOptions({ ...options, ...(clock ? { now: () => clock } : {}) }) };
  } catch (error) {
    if (error instanceof OptionsError) throw new UsageError(`${file}: ${error.message.replace(/^eleventy-plugin-syndication: /, "")}`);
    throw error;
  }
}

function inputDir(arg: string | undefined, config: Config): string {
  const dir = arg ?? config.input;
  if (!existsSync(dir)) throw new UsageError(`input folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is a file; give the site's input folder`);
  return dir;
}

/**
 * Where `import --out` may write: a .md file inside the input folder once links are resolved, not
 * in the includes, data or output folders (never built as a page, or overwritten by the build),
 * and not a link itself. Returns the real path to write.
 */
function importTarget(out: string, config: Config): string {
  const where = `--out ${out}`;
  if (!out.endsWith(".md")) throw new UsageError(`${where} must be a .md file, which the build reads as a reprint`);
  if (!existsSync(config.input)) throw new UsageError(`input folder ${config.input} does not exist`);
  const input = throughLinks(config.input);
  const target = throughLinks(out);
  if (!isInside(target, input) || target === input) {
    throw new UsageError(`${where} must be a .md file inside the site's input folder (${config.input}), where the build will find it${target !== resolve(out) ? ` (it leads to ${target})` : ""}`);
  }
  const folders: Array<[string, string]> = [
    ["includes", join(config.input, config.layout.includes ?? "_includes")],
    ["data", join(config.input, config.layout.data ?? "_data")],
    ["output", config.layout.output ?? "_site"],
  ];
  for (const [kind, folder] of folders) {
    if (isInside(target, throughLinks(folder))) {
      throw new UsageError(`${where} is in the ${kind} folder (${folder}), ${kind === "output" ? "which the build overwrites" : "whose files the build does not make into pages"}: give a file among the site's pages`);
    }
  }
  const stat = lstatSync(out, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) throw new UsageError(`${where} is a symbolic link; import writes only to a real file, never through a link`);
  if (stat?.isDirectory()) throw new UsageError(`${where} is a folder; give the .md file to write`);
  return target;
}

const configOption = () => new Option("-c, --config <file>", "plugin options as JSON (default: syndication.config.json, if there is one)");
const nowOption = () => new Option("--now <date>", "the date to check expiry against (default: today)");

const program = new Command()
  .name("eleventy-syndication")
  .description("Check, import and report on the reprints of an Eleventy site, without building it; forget reprints in its lock that were never deployed.")
  .showHelpAfterError()
  .exitOverride();

program
  .command("check")
  .description("validate every reprint, with the same rules and messages as the build")
  .argument("[input-dir]", "the site's input folder (default: \"input\" in the config, else .)")
  .addOption(configOption())
  .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
  .addOption(nowOption())
  .action((dir: string | undefined, flags: { config?: string; format: string; now?: string }) => {
    const config = loadConfig(flags.config, flags.now);
    const result = checkProject(inputDir(dir, config), config.options, config.layout);
    const reprints = result.state.size;
    if (flags.format === "json") {
      console.log(JSON.stringify({ reprints, problems: result.problems, warnings: result.warnings }, null, 2));
    } else {
      for (const warning of result.warnings) console.log(`eleventy-plugin-syndication: ${warning}`);
      if (result.problems.length > 0) {
        console.log(formatReport(result.problems));
      } else {
        console.log(`${reprints} reprint${reprints === 1 ? "" : "s"} checked: no problems.`);
      }
    }
    process.exitCode = result.problems.length > 0 ? 1 : 0;
  });

program
  .command("import")
  .description("turn a plain-text article into a Markdown reprint")
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
  .action((textFile: string, flags: Record<string, string | string[] | boolean | undefined>) => {
    const config = loadConfig(flags.config as string | undefined, undefined);
    if (!existsSync(textFile)) throw new UsageError(`${textFile} does not exist`);
    if (!statSync(textFile).isFile()) throw new UsageError(`${textFile} is not a file; give the article as a text file`);
    const name = textFile.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
    const out = (flags.out as string | undefined) ?? join(config.input, config.options.reprintsDir, `${name}.md`);
    const target = importTarget(out, config);
    if (existsSync(target) && !flags.force) {
      console.error(showable(`${out} already exists; give --force to overwrite it, or --out for another file.`));
      process.exitCode = 1;
      return;
    }
    const refuse = (why: string) => {
      console.error(showable(`${textFile}: not imported: it ${why}.`));
      process.exitCode = 1;
    };
    const article = readArticle(readFileSync(textFile));
    if ("problem" in article) return refuse(article.problem);
    const { credit, body } = importText(article.text);
    if (body.trim() === "") return refuse("has a credit line and no article after it");
    const syndication: Record<string, unknown> = {};
    const set = (key: string, value: unknown) => value !== undefined && (syndication[key] = value);
    // A credit line that names a known publisher (a preset, or an entry of the sources option) gives its key.
    const known = credit && Object.entries(config.options.sources).find(([, entry]) => entry.name === credit.source)?.[0];
    set("source", flags.source ?? known ?? credit?.source);
    set("sourceUrl", flags.sourceUrl);
    set("originalUrl", flags.url);
    set("licence", flags.licence ?? credit?.licence);
    set("published", flags.published);
    // "Jane Doe (University of Leeds)": a name and the institution the author writes from.
    const authors = (flags.author as string[] | undefined)?.map((a) => {
      // The last bracket, found without trying every split of the name (linear in its length).
      const match = /\(([^()]+)\)$/.exec(a.trim());
      const name = match ? a.trim().slice(0, match.index).trim() : "";
      return match && name !== "" ? { name, affiliation: match[1]!.trim() } : a;
    });
    set("author", authors && (authors.length === 1 ? authors[0] : authors));
    set("copyright", flags.copyright);
    set("pixel", flags.pixel);
    // The text as received: a build then notices an edit the publisher's terms may forbid.
    set("digest", bodyDigest(body));
    const front: Record<string, unknown> = { ...(flags.title ? { title: flags.title } : {}), syndication };
    // Markdown is pre-rendered by a template engine by default: text that looks like a tag stays text.
    if (/\{[{%#]/.test(body)) front.templateEngineOverride = "md";

    // Check it as `check` would, with the data files that apply where it will be written.
    const merged = mergedData(out, config.input, front);
    const { problems, reprint } = normalise(merged.syndication, { title: merged.title }, config.options);
    // And against the rest of the site: the same original twice, or two reprints at one address.
    if (reprint) {
      const site = checkProject(config.input, config.options, config.layout);
      const address = typeof merged.permalink === "string" ? merged.permalink : reprintPermalink(config.options.permalinkPrefix, reprint.published?.iso, fileSlug(out));
      if (address === undefined) problems.push(fileNameProblem(fileSlug(out)));
      const outPath = resolve(out);
      for (const page of site.pages) {
        if (resolve(page.inputPath) === outPath) continue;
        const other = site.state.get(page.inputPath)?.result.originalUrl;
        if (other !== undefined && originalKey(other) === originalKey(reprint.originalUrl)) {
          problems.push({ field: "syndication.originalUrl", message: `is already reprinted by ${displayPath(page.inputPath)}`, fix: "reprint each original once" });
        }
        if (address !== undefined && page.url === address) {
          problems.push({ field: "permalink", message: `${address} is already the address of ${displayPath(page.inputPath)}`, fix: "choose another --out file name" });
        }
      }
    }
    const hints: Record<string, string> = {
      "syndication.originalUrl": "--url",
      "syndication.source": "--source",
      "syndication.licence": credit?.creativeCommonsUnnamed
        ? "--licence (the credit line names no particular Creative Commons licence)"
        : "--licence",
      "syndication.published": "--published",
      "syndication.pixel": "--pixel",
      "syndication.author": '--author "Name (Institution)"',
    };
    if (problems.length > 0) {
      console.error(showable(`${textFile}: not written, since the reprint would not pass check:`));
      for (const p of problems) console.error(showable(`  ${p.field}  ${p.message}${hints[p.field] ? `: give ${hints[p.field]}` : `, ${p.fix}`}`));
      process.exitCode = 1;
      return;
    }
    mkdirSync(dirname(target), { recursive: true });
    // No folding of long lines: an address stays on one line, as editors expect to find it.
    writeWhole(target, matter.stringify(body, front, { lineWidth: -1 } as never), { replace: Boolean(flags.force) }, out);
    console.log(showable(out));
  });

program
  .command("report")
  .description("one row per reprint: file, source, licence, original date, status, expiry, address")
  .argument("[input-dir]", "the site's input folder (default: \"input\" in the config, else .)")
  .addOption(configOption())
  .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
  .option("--expiring <within>", "only live reprints whose right to be shown ends within this time: 30d, 2w, 3m or P30D")
  .addOption(nowOption())
  .action((dir: string | undefined, flags: { config?: string; format: string; expiring?: string; now?: string }) => {
    const config = loadConfig(flags.config, flags.now);
    let within: number | undefined;
    if (flags.expiring !== undefined) {
      within = parseWithin(flags.expiring);
      if (within === undefined) throw new UsageError(`--expiring "${flags.expiring}" is not a length of time; write 30d, 2w, 3m or P30D`);
    }
    const result = checkProject(inputDir(dir, config), config.options, config.layout);
    let rows = reportRows(result);
    if (within !== undefined) {
      const limit = config.options.now().getTime() + within;
      rows = rows.filter((r) => r.status === "live" && r.expires !== "" && endOf({ iso: r.expires, formatted: "" }) <= limit);
    }
    if (flags.format === "json") console.log(JSON.stringify(rows, null, 2));
    else if (flags.format === "csv") process.stdout.write(formatCsv(rows));
    else console.log(formatTable(rows));
    process.exitCode = 0;
  });

program
  .command("forget")
  .description("drop reprints from the lock file that were recorded by a local build but never deployed")
  .argument("<reprint...>", "each entry to drop, by its address (/reprints/2021/12/x/), original URL or file")
  .addOption(configOption())
  .action((names: string[], flags: { config?: string }) => {
    const config = loadConfig(flags.config, undefined);
    const lockFile = config.options.lockFile;
    if (!lockFile) throw new UsageError("the lock is off (lockFile: false in the options): there is nothing to forget");
    const shown = displayPath(lockFile);
    const text = readText(resolve(lockFile), shown);
    if (text === undefined) {
      console.error(showable(`eleventy-syndication: ${shown} does not exist: there is nothing to forget.`));
      process.exitCode = 1;
      return;
    }
    const { lock, problems } = parseLock(text, shown);
    if (!lock) {
      console.error(formatReport(problems));
      process.exitCode = 1;
      return;
    }
    const { next, dropped, unmatched } = forget(lock, names);
    if (unmatched.length > 0) {
      // Nothing is dropped unless every name matched: a typo must not drop half of what was meant.
      for (const name of unmatched) console.error(showable(`eleventy-syndication: no entry of ${shown} has the address, original URL or file ${quote(name)}; nothing was dropped.`));
      process.exitCode = 1;
      return;
    }
    writeWhole(resolve(lockFile), serializeLock(next), {}, shown);
    for (const { original, entry } of dropped) {
      const redirects = entry.previousUrls?.length ? `, and its redirects from ${entry.previousUrls.join(", ")}` : "";
      console.log(showable(`${shown}: forgot ${entry.url} (${entry.file}, a reprint of ${original})${redirects}.`));
      if (existsSync(entry.file)) console.log(showable(`  ${entry.file} is still there: the next build records it again, at the address it has then.`));
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are not mistakes; anything else commander refuses is bad usage.
    process.exitCode = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof DataFileError || error instanceof FileError) {
    // A broken data file is a problem of the site, like a broken reprint; a file that cannot be
    // read or written (a folder in its place, a full disk) stops the command: exit 1.
    console.error(showable(`eleventy-syndication: ${error.message}`));
    process.exitCode = 1;
  } else {
    // Anything else (a path that is not what it should be, a file that cannot be written):
    // one line that says what, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    console.error(showable(`eleventy-syndication: ${message}`));
    process.exitCode = 2;
  }
}
