/**
 * One finding: every error and warning of the build and of the command, in one shape (as
 * unified's vfile-message and eslint's report have): the rule that found it, how serious it is,
 * where, what is wrong, how to fix it, and where the rule is documented.
 */

export type Severity = "error" | "warning";

/** Where the rules are documented, one section a rule (docs/rules.md, generated from the registry). */
export const RULES_DOC = "docs/rules.md";

export interface Finding {
  /** The rule's permanent id, such as `source-required`: its section in docs/rules.md. */
  rule: string;
  severity: Severity;
  /** The file, as an editor names it (`src/reprints/a.md`), or the lock file. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** 1-based column, where known (front matter that cannot be read). */
  column?: number;
  /** The field, such as `syndication.originalUrl`, `permalink`, `body`, `front matter`, `lock`. */
  field: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
  /** The rule's documentation: `docs/rules.md#<rule>`. */
  url: string;
}

export const ruleUrl = (rule: string) => `${RULES_DOC}#${rule}`;

/** Findings in the order every report prints them: by file, then line, then field. */
export function sortFindings<T extends { file: string; line?: number; field: string }>(findings: T[]): T[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field));
}
