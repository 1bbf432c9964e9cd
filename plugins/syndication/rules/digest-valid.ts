import { defineRule } from "./rule.js";
import { FIELDS } from "../reprint/fields.js";
import { isDigest } from "../reprint/digest.js";
import { quote } from "../util/text.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "notDigest">({
  id: "digest-valid",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication.digest",
  messages: { notDigest: { message: "{value} is not a digest this plugin wrote", fix: FIELDS.digest.how } },
  docs: {
    description: "`digest` is written by `eleventy-syndication import` (sha256 of the text as received); anything else there is a mistake.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  digest: my own note",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  digest: sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
  },
  check({ values }, report) {
    const digest = values.text("digest");
    if (!values.ended && digest !== undefined && !isDigest(digest)) report({ messageId: "notDigest", data: { value: quote(digest) } });
  },
});
