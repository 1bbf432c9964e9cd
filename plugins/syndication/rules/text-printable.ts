import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "unprintable">({
  id: "text-printable",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication",
  messages: {
    unprintable: { message: "contains a control character or noncharacter ({code}), which a web page cannot show", fix: "delete it (it is often invisible: retype the text around it)" },
  },
  docs: {
    description:
      "Text that goes into the page (source, copyright, authors, licence name, changes, a withdrawal's note) holds no control character or noncharacter: HTML makes each a parse error, even escaped.",
    fails: 'syndication:\n  source: "Example\\u0007 Wire"\n  originalUrl: https://wire.example.com/a\n  licence: permission',
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
  },
  check({ values }, report) {
    for (const { field, code } of values.unprintable) report({ messageId: "unprintable", field: `syndication.${field}`, data: { code } });
  },
});
