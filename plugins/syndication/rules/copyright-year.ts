import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "missing">({
  id: "copyright-year",
  stage: "page",
  severity: "error",
  on: "a copyright notice with {year}",
  field: "syndication.published",
  messages: {
    missing: {
      absent: true,
      message: "is missing, and the copyright notice{of} needs the year of the original ({year})",
      fix: "add the original publication date, or write the year in syndication.copyright",
    },
  },
  docs: {
    description: "A copyright notice with `{year}` (RFE/RL's preset has one) takes the year of the original: the reprint needs its `published` date.",
    fails: "syndication:\n  source: rferl\n  originalUrl: https://www.rferl.org/a/story/31609362.html",
    passes: "syndication:\n  source: rferl\n  originalUrl: https://www.rferl.org/a/story/31609362.html\n  published: 2021-12-14",
  },
  check({ values }, report) {
    if (values.ended || values.raw.published !== undefined) return;
    const own = values.text("copyright");
    const notice = own ?? values.entry?.copyright;
    if (!notice?.includes("{year}")) return;
    report({ messageId: "missing", data: { of: own === undefined && values.entry ? ` of ${values.entry.name}` : "" } });
  },
});
