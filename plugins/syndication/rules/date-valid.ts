import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "invalid">({
  id: "date-valid",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication.published",
  messages: { invalid: { message: "{message}", fix: "{fix}" } },
  docs: {
    description:
      "`published`, `expires` and `withdrawn.date` are dates: a YAML date or ISO 8601 text. A date YAML would roll over (2021-13-45 into 2022) is refused as written.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  published: 2021-13-45",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  published: 2021-12-14",
  },
  check({ values }, report) {
    for (const [path, result] of values.dates) {
      if (!result.ok) report({ messageId: "invalid", field: `syndication.${path}`, data: { message: result.message, fix: result.fix } });
    }
  },
});
