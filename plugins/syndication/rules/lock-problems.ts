import { defineRule, type Report, type Rule, type RuleDocs } from "./rule.js";
import type { SiteContext } from "./context.js";
import type { LockRule } from "../reprint/lock-check.js";

/** Report the lock verdict's problems of one rule, each where the verdict found it. */
function lockProblems(context: SiteContext, rule: LockRule, report: (r: Report<"problem">) => void): void {
  for (const { rule: id, file, line, field, message, fix } of context.lock().problems) {
    if (id === rule) report({ messageId: "problem", file, field, data: { message, fix }, ...(line !== undefined ? { line } : {}) });
  }
}

/**
 * A rule whose problems the lock's verdict finds (reprint/lock-check.ts) with their words: the rule
 * names them, documents them and reports them. Its id is the verdict's tag for them.
 */
export const lockRule = (id: LockRule, field: string, docs: RuleDocs): Rule<SiteContext, "problem"> =>
  defineRule<SiteContext, "problem">({
    id,
    stage: "site",
    severity: "error",
    on: "option lockFile",
    field,
    messages: { problem: { message: "{message}", fix: "{fix}" } },
    docs,
    check: (context, report) => lockProblems(context, id, report),
  });
