import { defineRule } from "./rule.js";
import { checkSitePath } from "../reprint/sitepath.js";
import { quote } from "../util/text.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "bad">({
  id: "previous-url-valid",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication.previousUrls",
  messages: { bad: { message: "{value} {reason}", fix: "{fix}" } },
  docs: {
    description:
      "Each earlier address in `previousUrls` is a path on this site, `/…/` or `/….html`: no host, no `.` or `..` segment, no space or invisible character, so a redirect page always lands inside the output folder.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  previousUrls: [../../etc/]",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  previousUrls: [/reprints/old-name/]",
  },
  check({ values }, report) {
    values.previousUrls.forEach((address, index) => {
      const bad = checkSitePath(address);
      // The index tells two bad entries apart.
      if (bad) report({ messageId: "bad", field: `syndication.previousUrls[${index}]`, data: { value: quote(address), reason: bad.reason, fix: bad.fix } });
    });
  },
});
