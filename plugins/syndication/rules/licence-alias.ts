import { defineRule } from "./rule.js";
import { quote } from "../util/text.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "differ">({
  id: "licence-alias",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication.license",
  messages: { differ: { message: "says {license} but licence says {licence}", fix: "keep one of licence or license (they are the same field)" } },
  docs: {
    description: "`license` is another spelling of `licence`: both may be there only when they name the same licence.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  license: CC-BY-4.0",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
  },
  check({ values }, report) {
    if (values.licence.conflict) report({ messageId: "differ", data: { license: quote(values.raw.license), licence: quote(values.raw.licence) } });
  },
});
