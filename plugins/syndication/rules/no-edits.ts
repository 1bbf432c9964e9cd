import { defineRule } from "./rule.js";
import { bodyDigest, isDigest } from "../reprint/digest.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "edited" | "editedForbidden">({
  id: "no-edits",
  stage: "page",
  severity: "warning",
  on: "a recorded digest (an error where the publisher rule noEdits is \"error\")",
  field: "syndication.digest",
  messages: {
    edited: {
      message: "does not match the text any more: the article was edited after it was imported",
      fix: "undo the edit, or say what changed in syndication.changes (the banner then tells readers)",
    },
    editedForbidden: {
      message: "does not match the text any more: the article was edited after it was imported, and {source} allows no edits",
      fix: "undo the edit, or say what changed in syndication.changes (the banner then tells readers)",
    },
  },
  docs: {
    description:
      "A reprint imported with `eleventy-syndication import` records the digest of its text as received; an edit since then is a warning, or an error for a publisher whose terms allow no edits (RFE/RL, The Conversation, ProPublica), unless `changes` says what changed (the banner then tells readers).",
    fails: "# the body was edited after import\nsyndication:\n  source: the-conversation\n  originalUrl: https://theconversation.com/a-story-123\n  digest: sha256-…",
    passes: "# the body was edited after import, and says so\nsyndication:\n  source: the-conversation\n  originalUrl: https://theconversation.com/a-story-123\n  digest: sha256-…\n  changes: Dates changed to the day of publication here.",
  },
  check({ values }, report) {
    const digest = values.text("digest");
    const body = values.input.body;
    if (values.ended || digest === undefined || !isDigest(digest) || body === undefined || values.raw.changes !== undefined) return;
    if (bodyDigest(body) === digest) return;
    if (values.entry?.rules?.noEdits === "error") report({ messageId: "editedForbidden", severity: "error", data: { source: values.entry.name } });
    else report({ messageId: "edited" });
  },
});
