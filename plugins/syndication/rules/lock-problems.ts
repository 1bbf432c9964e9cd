import type { Report } from "./rule.js";
import type { SiteContext } from "./context.js";
import type { LockRule } from "../reprint/lock-check.js";

/** Report the lock verdict's problems of one rule, each where the verdict found it. */
export function lockProblems(context: SiteContext, rule: LockRule, report: (r: Report<"problem">) => void): void {
  for (const { rule: id, file, line, field, message, fix } of context.lock().problems) {
    if (id === rule) report({ messageId: "problem", file, field, data: { message, fix }, ...(line !== undefined ? { line } : {}) });
  }
}
