import { defineRule } from "./rule.js";
import type { SiteContext } from "./context.js";

export default defineRule<SiteContext, "unreadable">({
  id: "front-matter-readable",
  stage: "site",
  severity: "error",
  on: "always",
  field: "front matter",
  messages: { unreadable: { message: "cannot be read: {reason}", fix: "correct the YAML between the --- lines" } },
  docs: {
    description:
      "A reprint's YAML front matter (a file in the reprints folder, or one with a `syndication:` line) that YAML cannot read is reported with the rest, at the line and column where the parser stopped, instead of stopping the build at the first such file.",
    fails: "syndication:\n  source: Example Wire\n   originalUrl: https://wire.example.com/a\n  licence: permission",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
  },
  check({ unreadable }, report) {
    for (const [file, problem] of unreadable) {
      report({ messageId: "unreadable", file, data: { reason: problem.column !== undefined ? `${problem.reason} (column ${problem.column})` : problem.reason }, ...(problem.line !== undefined ? { line: problem.line } : {}), ...(problem.column !== undefined ? { column: problem.column } : {}) });
    }
  },
});
