import { defineRule } from "./rule.js";
import { describe } from "../reprint/licences.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "missing" | "notObject">({
  id: "syndication-object",
  stage: "page",
  severity: "error",
  on: "always",
  field: "syndication",
  messages: {
    missing: { absent: true, message: "is missing", fix: "add a syndication: block with source, originalUrl and licence" },
    notObject: { message: "must be an object of fields, not {kind}", fix: "add a syndication: block with source, originalUrl and licence" },
  },
  docs: {
    description: "Every page in the reprints folder (option `reprintsDir`) is a reprint, and a reprint has a `syndication` block of fields.",
    fails: "title: A reprint\nsyndication: The Conversation",
    passes: "title: A reprint\nsyndication:\n  source: The Conversation\n  originalUrl: https://theconversation.com/a-story-123\n  licence: CC-BY-ND-4.0",
  },
  check({ values }, report) {
    const block = values.input.block;
    if (block === undefined) report({ messageId: "missing" });
    else if (!values.isObject) report({ messageId: "notObject", data: { kind: describe(block) } });
  },
});
