import { defineRule } from "./rule.js";
import { endOf } from "../reprint/dates.js";
import type { SiteContext } from "./context.js";

const DAY = 86_400_000;

export default defineRule<SiteContext, "soon">({
  id: "expiring-soon",
  stage: "site",
  severity: "warning",
  on: "option expiryWarningDays",
  field: "syndication.expires",
  messages: {
    soon: {
      message: "ends the right to show it on {date} ({days}), after which the build replaces it with a notice",
      fix: "renew the permission and update syndication.expires, or let it end",
    },
  },
  docs: {
    description: "A live reprint whose right to be shown ends within `expiryWarningDays` (14 by default) is named, with the date, so that the permission can be renewed in time.",
    fails: "# built on 2025-06-01\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  expires: 2025-06-10",
    passes: "# built on 2025-06-01\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  expires: 2026-06-10",
  },
  check({ pages, options }, report) {
    const now = options.now().getTime();
    const horizon = now + options.expiryWarningDays * DAY;
    for (const [file, { reprint }] of pages) {
      if (reprint?.status !== "live" || !reprint.expires) continue;
      const end = endOf(reprint.expires);
      if (end > horizon) continue;
      const days = Math.ceil((end - now) / DAY);
      report({ messageId: "soon", file, data: { date: reprint.expires.formatted, days: `${days} day${days === 1 ? "" : "s"}` } });
    }
  },
});
