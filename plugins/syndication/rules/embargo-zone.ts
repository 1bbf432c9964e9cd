import { defineRule } from "./rule.js";
import { embargoText } from "../reprint/values.js";
import { quote } from "../util/text.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "unzoned">({
  id: "embargo-zone",
  stage: "page",
  severity: "error",
  on: "syndication.embargo",
  field: "syndication.embargo",
  messages: {
    unzoned: {
      message: "{value} is not a moment: without a time and its zone, when the embargo ends would depend on the clock of the machine that builds",
      fix: "write the date and time with its zone, as the publisher gave it: 2026-12-01T09:00:00-05:00, or 2026-12-01T14:00:00Z in UTC",
    },
  },
  docs: {
    description:
      "`embargo` is the moment before which the reprint may not appear: a date, a time and a zone (`Z` or an offset). A day alone, or a time without its zone, is refused: a build in another zone would publish it at another hour.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  embargo: 2026-12-01T09:00:00",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  embargo: 2026-12-01T09:00:00-05:00",
  },
  check({ values }, report) {
    const written = values.input.written?.get("embargo");
    // An embargo that is not a date at all is date-valid's to report.
    if (values.dates.get("embargo")?.ok !== true) return;
    if (embargoText(values.raw.embargo, written) === "unzoned") {
      report({ messageId: "unzoned", data: { value: quote(written ?? String(values.raw.embargo)) } });
    }
  },
});
