import { defineRule } from "./rule.js";
import { lockProblems } from "./lock-problems.js";
import type { SiteContext } from "./context.js";

export default defineRule<SiteContext, "problem">({
  id: "lock-writable",
  stage: "site",
  severity: "error",
  on: "option lockFile",
  field: "lock",
  messages: { problem: { message: "{message}", fix: "{fix}" } },
  docs: {
    description:
      "A build that would change the lock checks, before any page is written, that it can write it (not a folder, not read-only).",
    language: "text",
    fails: '# syndication.lock.json is a folder, or read-only',
    passes: '# syndication.lock.json is a writable file (or absent, in a writable folder)',
  },
  check: (context, report) => lockProblems(context, "lock-writable", report),
});
