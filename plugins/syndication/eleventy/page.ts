/**
 * One page as Eleventy's preprocessor sees it (front matter and directory data, before its URL is
 * computed): its values read, its rules run, and, where no rule found an error, its reprint built.
 */
import { yamlDates, writtenDates } from "../reprint/locate.js";
import { linksInMarkdown } from "../render/links.js";
import { normalise } from "../rules/normalise.js";
import type { RawFinding } from "../rules/run.js";
import type { PageOutcome } from "../reprint/outcome.js";
import type { ResolvedOptions } from "../reprint/options.js";
import type { PageData } from "./config.js";
import { readFileSync } from "node:fs";

/** The dates of a reprint's front matter as written; empty if the file cannot be read. */
function readWrittenDates(inputPath: string, syndication: unknown): Map<string, string> {
  try {
    return writtenDates(readFileSync(inputPath, "utf8"), syndication);
  } catch {
    return new Map();
  }
}

export interface JudgedPage {
  outcome: PageOutcome;
  findings: RawFinding[];
}

/**
 * Judge a reprint. `written` gives the dates as the YAML engine saw them written, where it did;
 * `render: false` (the command) leaves the banner and notice unwritten.
 */
export function judgePage(
  inputPath: string,
  data: PageData,
  content: unknown,
  options: ResolvedOptions,
  { written, render = true }: { written?: (file: string) => Map<string, string> | undefined; render?: boolean } = {},
): JudgedPage {
  const block = data.syndication;
  // YAML turns 2021-13-45 into a valid date; the text as written tells the truth.
  const dates = yamlDates(block).length > 0 ? (written?.(inputPath) ?? readWrittenDates(inputPath, block)) : undefined;
  // The body is read for the digest only where the front matter records one.
  const body = block instanceof Object && (block as Record<string, unknown>).digest !== undefined && typeof content === "string" ? content : undefined;
  const result = normalise(block, {
    file: inputPath,
    title: data.title,
    lang: data.lang ?? data.page.lang,
    ...(dates ? { written: dates } : {}),
    ...(body !== undefined ? { body } : {}),
    fileSlug: data.page.fileSlug,
    permalink: data.permalink,
    ...(typeof content === "string" ? { content } : {}),
    templateSyntax: data.page.templateSyntax,
    render,
  }, options);
  const { values, findings, reprint, originalUrl } = result;
  const title = typeof data.title === "string" ? data.title : undefined;
  const outcome: PageOutcome = { values, ...(title !== undefined ? { title } : {}), ...(originalUrl !== undefined ? { originalUrl } : {}), ...(reprint ? { reprint } : {}) };
  // Publishers that ask for every link of a story kept: note the body's links, to find them on the page.
  if (reprint && values.entry?.rules?.keepLinks && typeof content === "string") outcome.links = linksInMarkdown(content);
  return { outcome, findings };
}
