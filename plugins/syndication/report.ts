import type { Problem } from "./types.js";

/** One line a problem: `<path>:<line>  syndication.<field>  <what is wrong>, <how to fix>`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line !== undefined ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}  ${problem.field}  ${problem.message}, ${problem.fix}`;
}

/** The whole report: every problem in every file, grouped by file, in a stable order. */
export function formatReport(problems: Problem[]): string {
  const files = new Set(problems.map((p) => p.file));
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files.size} reprint${files.size === 1 ? "" : "s"}`;
  return [
    `eleventy-plugin-syndication: ${count}; nothing was written.`,
    ...sorted.map(formatProblem),
  ].join("\n");
}

/** The error a build fails with: printed by Eleventy without a stack trace. */
export class SyndicationError extends Error {
  skipOriginalStack = true;
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(formatReport(problems));
    this.name = "SyndicationError";
    this.problems = problems;
  }
}
