import { defineRule } from "./rule.js";
import type { SiteContext } from "./context.js";

export default defineRule<SiteContext, "ciNew" | "ciNewOne" | "left">({
  id: "lock-pending",
  stage: "site",
  severity: "warning",
  on: "option lockFile",
  field: "lock",
  messages: {
    ciNewOne: { message: "does not hold this new reprint's address yet: {changes}; a CI build does not write it", fix: "build locally and commit {file}, so that later builds keep it where it is" },
    ciNew: { message: "does not hold these {count} new reprints' addresses yet: {changes}; a CI build does not write it", fix: "build locally and commit {file}, so that later builds keep them where they are" },
    left: { message: "is left as it is ({why}); a build records: {changes}", fix: "build the site to record them" },
  },
  docs: {
    description:
      "A run that does not write the lock (a CI build, `--serve`, `--watch`, `eleventy-syndication check`) says what a build would record: new reprints' addresses to commit.",
    language: "json",
    fails: '{ "version": 1, "reprints": {} }\n// and a reprint src/reprints/a.md at /reprints/a/, checked in CI',
    passes: '{ "version": 1, "reprints": { "https://wire.example.com/a": { "url": "/reprints/a/", "file": "src/reprints/a.md" } } }',
  },
  check(context, report) {
    const pending = context.lock().pending;
    if (!pending) return;
    const file = context.lock().file;
    const data = { changes: pending.changes, count: pending.count, file };
    if (pending.why !== undefined) report({ messageId: "left", file, data: { ...data, why: pending.why } });
    else report({ messageId: pending.count === 1 ? "ciNewOne" : "ciNew", file, data });
  },
});
