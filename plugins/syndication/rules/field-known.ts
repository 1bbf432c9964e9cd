import { defineRule } from "./rule.js";
import { FIELD_NAMES, field, meantField } from "../reprint/fields.js";
import { suggest } from "../util/suggest.js";
import { keyName } from "../util/text.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "unknown" | "unknownNested">({
  id: "field-known",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication",
  messages: {
    unknown: { message: "is not a field this plugin knows, so it would be ignored", fix: "{suggestion}" },
    unknownNested: { message: "is not a field this plugin knows, so it would be ignored", fix: "remove it; {parent} takes {takes}" },
  },
  docs: {
    description:
      "A field the plugin does not know would be ignored silently, so a typo would drop it: it is an error, with the field that was probably meant (names editors reach for, such as `url` or `date`, and close spellings).",
    fails: "syndication:\n  source: Example Wire\n  orignalUrl: https://wire.example.com/a\n  licence: permission",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
  },
  check({ values }, report) {
    for (const issue of values.shape) {
      if (issue.kind !== "unknown") continue;
      if (issue.parent !== undefined) {
        const takes = (field(issue.parent.split(".")[0]!)?.takes) ?? "other keys";
        report({ messageId: "unknownNested", field: `syndication.${issue.parent}.${keyName(issue.key)}`, data: { parent: issue.parent, takes } });
        continue;
      }
      const guess = meantField(issue.key) ?? suggest(issue.key, FIELD_NAMES);
      const suggestion = guess ? `did you mean "${guess}"?` : `remove it, or use one of ${FIELD_NAMES.join(", ")}`;
      report({ messageId: "unknown", field: `syndication.${keyName(issue.key)}`, data: { suggestion } });
    }
  },
});
