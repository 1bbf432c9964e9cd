import { defineRule } from "./rule.js";
import type { SiteContext } from "./context.js";

export default defineRule<SiteContext, "pending">({
  id: "embargo-pending",
  stage: "site",
  severity: "warning",
  on: "syndication.embargo",
  field: "syndication.embargo",
  messages: {
    pending: {
      message: "is under embargo until {until}: it has no page, and is in no list, feed or sitemap, until a build at or after that moment",
      fix: "build the site again at or after {until} to publish it (a scheduled build, for one)",
    },
  },
  docs: {
    description:
      "A reprint whose `embargo` has not ended is left out of the build, as Eleventy leaves out a draft (`permalink: false`, out of every collection), and the build names the moment from which the next build publishes it. The lock does not record its address until then, nor counts it as dropped.",
    fails: "# built on 2026-11-30\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  embargo: 2026-12-01T09:00:00-05:00",
    passes: "# built on 2026-12-02\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  embargo: 2026-12-01T09:00:00-05:00",
  },
  check({ pages }, report) {
    for (const [file, { reprint }] of pages) {
      if (reprint?.status === "embargoed" && reprint.embargo) report({ messageId: "pending", file, data: { until: reprint.embargo.iso } });
    }
  },
});
