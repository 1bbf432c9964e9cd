import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "wrong">({
  id: "field-type",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication",
  messages: { wrong: { message: "{message}", fix: "{fix}" } },
  docs: {
    description:
      "Each field holds its kind of value: text that is not empty (`source`, `originalUrl`, `copyright`…), `true` or `false` (`excerpt`), a name, `{ name, affiliation }` or a list of these (`author`), `true` or `{ date, note }` (`withdrawn`), a list of addresses (`previousUrls`), one of `canonical`, `noindex`, `both` (`indexing`).",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  excerpt: yes please",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  excerpt: true",
  },
  check({ values }, report) {
    for (const issue of values.shape) {
      if (issue.kind === "type") report({ messageId: "wrong", field: `syndication.${issue.key}`, data: { message: issue.message!, fix: issue.fix! } });
    }
  },
});
