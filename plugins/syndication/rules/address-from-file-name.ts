import { defineRule } from "./rule.js";
import { quote } from "../util/text.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "none">({
  id: "address-from-file-name",
  stage: "page",
  severity: "error",
  on: "always",
  field: "permalink",
  messages: {
    none: {
      message: "cannot come from the file name {name}: none of its characters can be written in an address as it is, nor turned into letters a-z",
      fix: "rename the file with letters, digits and hyphens (such as talks-with-nato.md), or give the reprint a permalink",
    },
  },
  docs: {
    description:
      "A reprint's address ends with its file name, as a URL carries it (a name such as `issue #5` is slugged to `issue-5`): a name of which nothing is left (`東京.md`) needs another name or a `permalink`.",
    fails: "# reprints/東京.md\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
    passes: "# reprints/tokyo.md\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
  },
  check(context, report) {
    if (context.values.isObject && context.permalink === undefined && context.address() === undefined) report({ messageId: "none", data: { name: quote(context.fileSlug) } });
  },
});
