import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "before">({
  id: "expires-after-published",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication.expires",
  messages: { before: { message: "({expires}) is before the original publication date ({published})", fix: "check both dates" } },
  docs: {
    description: "The right to show a reprint cannot end before the original was published.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  published: 2021-12-14\n  expires: 2021-01-01",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  published: 2021-12-14\n  expires: 2022-12-14",
  },
  check({ values }, report) {
    const { published, expires } = values;
    if (values.raw.expires === undefined || !published || !expires || expires.millis >= published.millis) return;
    report({ messageId: "before", data: { expires: expires.date.iso, published: published.date.iso } });
  },
});
