import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "unknown">({
  id: "licence-known",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication.licence",
  messages: { unknown: { message: "{message}", fix: "{fix}" } },
  docs: {
    description:
      "A licence is `permission`, `public-domain`, the SPDX id of a Creative Commons licence (`CC-BY-4.0`, `CC-BY-ND-4.0`, `CC0-1.0`…), or `{ name, url }` for any other; a close spelling gets a suggestion.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: CC-BY-4",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: CC-BY-4.0",
  },
  check({ values }, report) {
    const { result, field } = values.licence;
    if (result && !result.ok) report({ messageId: "unknown", field: `syndication.${field}`, data: { message: result.message, fix: result.fix } });
  },
});
