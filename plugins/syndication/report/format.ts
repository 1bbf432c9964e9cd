import type { Problem } from "../types.js";
import { showable } from "../util/text.js";

/**
 * One line a problem: `<path>:<line>  syndication.<field>  <what is wrong>, <how to fix>`. A file
 * name, or a value from the lock or an address, that holds a line break or a terminal's escape
 * sequence is shown escaped: it cannot forge a line of the report or colour it.
 */
export function formatProblem(problem: Problem): string {
  const where = problem.line !== undefined ? `${problem.file}:${problem.line}` : problem.file;
  return showable(`${where}  ${problem.field}  ${problem.message}, ${problem.fix}`);
}

/** "3 problems in 2 reprints". */
export function countProblems(problems: Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return `${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files} reprint${files === 1 ? "" : "s"}`;
}

/** Problems grouped by file, then by line and field: the order every report prints them in. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
}

/** The whole report: every problem in every file, grouped by file, in a stable order. */
export function formatReport(problems: Problem[]): string {
  return [`eleventy-plugin-syndication: ${countProblems(problems)}:`, ...sortProblems(problems).map(formatProblem)].join("\n");
}

/**
 * The error a build fails with. The plugin prints `report` once itself; the message is one
 * line, because Eleventy's command line prints a fatal error's message twice.
 */
export class SyndicationError extends Error {
  skipOriginalStack = true;
  readonly problems: Problem[];
  readonly report: string;
  /** `"data"`: found in front matter and data, before any page was written; `"rendered"`: found in built pages, which were written. */
  readonly stage: "data" | "rendered";
  /** `"rendered"`: the problems were found in built pages, which are written but must not be published. */
  constructor(problems: Problem[], stage: "data" | "rendered" = "data") {
    super(
      `eleventy-plugin-syndication: ${countProblems(problems)} (listed above); ` +
        (stage === "data" ? "no page was written." : "the pages were written but break their publishers' terms: do not publish them."),
    );
    this.name = "SyndicationError";
    this.stage = stage;
    this.problems = sortProblems(problems);
    this.report = formatReport(problems);
  }
}
