import { defineRule } from "./rule.js";
import { lockProblems } from "./lock-problems.js";
import type { SiteContext } from "./context.js";

export default defineRule<SiteContext, "problem">({
  id: "lock-valid",
  stage: "site",
  severity: "error",
  on: "option lockFile",
  field: "lock",
  messages: { problem: { message: "{message}", fix: "{fix}" } },
  docs: {
    description:
      "The lock file is input like any other (hand-edited, merged, sent in pull requests): readable JSON of `{ version: 1, reprints: { <originalUrl>: { url, file, previousUrls? } } }`, each address a path on this site, no key twice. A lock with a problem is not used.",
    language: "json",
    fails: '{ "version": 1, "reprints": { "https://wire.example.com/a": { "url": "/../../etc/", "file": "src/reprints/a.md" } } }',
    passes: '{ "version": 1, "reprints": { "https://wire.example.com/a": { "url": "/reprints/a/", "file": "src/reprints/a.md" } } }',
  },
  check: (context, report) => lockProblems(context, "lock-valid", report),
});
