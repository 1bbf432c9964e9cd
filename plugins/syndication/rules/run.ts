/** Run a stage's rules and collect what they report, as findings not yet placed at their lines. */
import { RULES } from "./index.js";
import { fill, type AnyRule, type Report, type Stage } from "./rule.js";
import type { Finding, Severity } from "../report/finding.js";

/** A finding before its line is looked up and its file named as editors name it. */
export interface RawFinding extends Pick<Finding, "rule" | "severity" | "line" | "column" | "field" | "message" | "fix"> {
  /** The input path (`./src/reprints/a.md`), or the lock file. */
  file: string;
  /** The message is about a field that is not there: no data file set it either. */
  absent?: boolean;
}

const byStage = new Map<Stage, AnyRule[]>();
const rulesOf = (stage: Stage) => {
  let rules = byStage.get(stage);
  if (!rules) byStage.set(stage, (rules = RULES.filter((rule) => rule.stage === stage)));
  return rules;
};

/** Run every rule of a stage on one context; `file` is where a report that names no file is. */
export function runRules<C>(stage: Stage, context: C, file: string, found: RawFinding[] = []): RawFinding[] {
  for (const rule of rulesOf(stage)) {
    rule.check(context, (report: Report<string>) => {
      const message = rule.messages[report.messageId]!;
      found.push({
        rule: rule.id,
        severity: report.severity ?? rule.severity,
        file: report.file ?? file,
        ...(report.line !== undefined ? { line: report.line } : {}),
        ...(report.column !== undefined ? { column: report.column } : {}),
        field: report.field ?? rule.field,
        message: fill(message.message, report.data),
        fix: fill(message.fix, report.data),
        ...(message.absent ? { absent: true } : {}),
      });
    });
  }
  return found;
}

export const isError = (finding: { severity: Severity }) => finding.severity === "error";
