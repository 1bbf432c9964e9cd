/**
 * One page as Eleventy's preprocessor sees it (front matter and directory data, before its URL is
 * computed): its values read, its rules run, and, where no rule found an error, its reprint built.
 */
import { readValues } from "../reprint/values.js";
import { buildReprint } from "../reprint/build.js";
import { reprintPermalink } from "../reprint/permalink.js";
import { yamlDates, writtenDates } from "../reprint/locate.js";
import { linksInMarkdown } from "../render/links.js";
import { runRules, isError, type RawFinding } from "../rules/run.js";
import type { PageContext } from "../rules/context.js";
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
  const values = readValues({ block, title: data.title, lang: data.lang ?? data.page.lang, ...(dates ? { written: dates } : {}), ...(body !== undefined ? { body } : {}) }, options);
  let address: string | undefined | null = null;
  const context: PageContext = {
    file: inputPath,
    values,
    options,
    fileSlug: data.page.fileSlug,
    permalink: data.permalink,
    address: () => (address === null ? (address = reprintPermalink(options.permalinkPrefix, values.published?.date.iso, data.page.fileSlug)) : address),
    ...(typeof content === "string" ? { content } : {}),
    templateSyntax: data.page.templateSyntax,
  };
  const findings = runRules("page", context, inputPath);
  const title = typeof data.title === "string" ? data.title : undefined;
  const originalUrl = values.text("originalUrl");
  const outcome: PageOutcome = {
    values,
    ...(title !== undefined ? { title } : {}),
    ...(originalUrl !== undefined && !findings.some((f) => f.field === "syndication.originalUrl") ? { originalUrl } : {}),
  };
  if (!findings.some(isError)) {
    outcome.reprint = buildReprint(values, options, render);
    // Publishers that ask for every link of a story kept: note the body's links, to find them on the page.
    if (values.entry?.rules?.keepLinks && typeof content === "string") outcome.links = linksInMarkdown(content);
  }
  return { outcome, findings };
}
