import { defineRule } from "./rule.js";
import { FIELDS } from "../reprint/fields.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "missing">({
  id: "original-url-required",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication.originalUrl",
  messages: { missing: { absent: true, message: "is missing", fix: FIELDS.originalUrl.how } },
  docs: {
    description: "A reprint gives the original article's address: the canonical link, the banner's link and the lock's key.",
    fails: "syndication:\n  source: Example Wire\n  licence: permission",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
  },
  check({ values }, report) {
    if (values.isObject && values.raw.originalUrl === undefined) report({ messageId: "missing" });
  },
});
