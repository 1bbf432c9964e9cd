import { defineRule } from "./rule.js";
import { FIELDS } from "../reprint/fields.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "missing">({
  id: "source-required",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication.source",
  messages: { missing: { absent: true, message: "is missing", fix: FIELDS.source.how } },
  docs: {
    description: "A reprint names who published it first: the publisher's name, or the key of a publisher in the `sources` option (or a preset such as `rferl`).",
    fails: "syndication:\n  originalUrl: https://wire.example.com/a\n  licence: permission",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
  },
  check({ values }, report) {
    if (values.isObject && values.raw.source === undefined) report({ messageId: "missing" });
  },
});
