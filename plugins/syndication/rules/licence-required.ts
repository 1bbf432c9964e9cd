import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "missing">({
  id: "licence-required",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication.licence",
  messages: {
    missing: {
      absent: true,
      message: "is missing",
      fix: "say on what terms you reprint it: permission, public-domain, a Creative Commons id such as CC-BY-4.0, or { name, url }",
    },
  },
  docs: {
    description: "A reprint says on what terms it is shown, in `licence` (or `license`), or through its publisher's entry in the `sources` option.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
  },
  check({ values }, report) {
    if (values.isObject && values.licence.missing) report({ messageId: "missing" });
  },
});
