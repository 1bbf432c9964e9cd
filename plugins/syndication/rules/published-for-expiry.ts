import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "missing">({
  id: "published-for-expiry",
  stage: "page",
  severity: "error",
  on: "a source with expiresAfter",
  field: "syndication.published",
  messages: {
    missing: {
      absent: true,
      message: "is missing, and {source} reprints may be shown for {after} after the original date",
      fix: "add the original publication date, or give syndication.expires",
    },
  },
  docs: {
    description:
      "A publisher whose reprints may be shown for a time (`expiresAfter` in its `sources` entry, such as `P30D`) needs the original's date to know when that time ends.",
    fails: "# sources: { wire30: { name: Thirty-Day Wire, licence: permission, expiresAfter: P30D } }\nsyndication:\n  source: wire30\n  originalUrl: https://wire.example.com/a",
    passes: "# sources: { wire30: { name: Thirty-Day Wire, licence: permission, expiresAfter: P30D } }\nsyndication:\n  source: wire30\n  originalUrl: https://wire.example.com/a\n  published: 2025-05-01",
  },
  check({ values }, report) {
    const entry = values.entry;
    if (entry?.expiresAfter === undefined || values.raw.expires !== undefined || values.raw.published !== undefined) return;
    report({ messageId: "missing", data: { source: entry.name, after: entry.expiresAfter } });
  },
});
