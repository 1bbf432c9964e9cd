/**
 * One page's `syndication` block judged by the page rules and, where none found an error, turned
 * into the reprint layouts and the head receive. Pure but for reading the file for a line.
 */
import { readValues, type PageInput } from "../reprint/values.js";
import { buildReprint } from "../reprint/build.js";
import { reprintPermalink } from "../reprint/permalink.js";
import { runRules, isError, type RawFinding } from "./run.js";
import type { ResolvedOptions } from "../reprint/options.js";
import type { Values } from "../reprint/values.js";
import type { Reprint } from "../types.js";

/** What the page gives besides its block: where it is, its address data, its body. */
export interface PageFacts extends Omit<PageInput, "block"> {
  /** The input path (default: none, so no file is read). */
  file?: string;
  fileSlug?: string;
  /** The page's own `permalink` (undefined: the plugin gives the address). */
  permalink?: unknown;
  /** The body as Eleventy renders it, and the template languages that render it. */
  content?: string;
  templateSyntax?: unknown;
  /** `false` (the command): the banner and notice are not written. */
  render?: boolean;
}

export interface Normalised {
  values: Values;
  /** Errors and warnings, not yet placed at their lines. */
  findings: RawFinding[];
  /** The errors (the findings of severity "error"). */
  problems: RawFinding[];
  warnings: RawFinding[];
  reprint?: Reprint;
  /** The original URL, where that field itself passed its rules (for uniqueness). */
  originalUrl?: string;
}

export function normalise(block: unknown, page: PageFacts, options: ResolvedOptions): Normalised {
  const values = readValues({ ...page, block }, options);
  const fileSlug = page.fileSlug ?? "";
  let address: string | undefined | null = null;
  const findings = runRules(
    "page",
    {
      file: page.file ?? "",
      values,
      options,
      fileSlug,
      // Without a file name there is no address to make: as if the page gave its own.
      permalink: page.fileSlug === undefined ? "" : page.permalink,
      address: () => (address === null ? (address = reprintPermalink(options.permalinkPrefix, values.published?.date.iso, fileSlug)) : address),
      ...(page.content !== undefined ? { content: page.content } : {}),
      templateSyntax: page.templateSyntax,
    },
    page.file ?? "",
  );
  const problems = findings.filter(isError);
  const originalUrl = values.text("originalUrl");
  return {
    values,
    findings,
    problems,
    warnings: findings.filter((f) => !isError(f)),
    ...(problems.length === 0 ? { reprint: buildReprint(values, options, page.render !== false) } : {}),
    ...(originalUrl !== undefined && !findings.some((f) => f.field === "syndication.originalUrl") ? { originalUrl } : {}),
  };
}
