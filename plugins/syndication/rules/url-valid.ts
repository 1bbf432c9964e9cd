import { defineRule } from "./rule.js";
import { FIELDS } from "../reprint/fields.js";
import { checkUrl } from "../reprint/url.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "bad">({
  id: "url-valid",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication.originalUrl",
  messages: { bad: { message: "{message}", fix: "{fix}" } },
  docs: {
    description:
      "`originalUrl`, `sourceUrl` and `pixel` are absolute `http:` or `https:` addresses of hosts on the public internet, written without spaces, control or invisible characters, backslashes, or a user name and password.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: javascript:alert(1)\n  licence: permission",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
  },
  check({ values }, report) {
    for (const key of ["originalUrl", "sourceUrl", "pixel"] as const) {
      const address = values.text(key);
      const bad = address !== undefined ? checkUrl(address) : undefined;
      // The original's own fix says what the article's address is; the others say what they are.
      if (bad) report({ messageId: "bad", field: `syndication.${key}`, data: { message: bad.message, fix: key === "originalUrl" ? bad.fix : FIELDS[key].how } });
    }
  },
});
