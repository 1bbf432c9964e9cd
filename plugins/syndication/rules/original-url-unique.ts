import { defineRule } from "./rule.js";
import { originalKey } from "../reprint/lock.js";
import { displayPath } from "../util/paths.js";
import type { SiteContext } from "./context.js";

export default defineRule<SiteContext, "twice">({
  id: "original-url-unique",
  stage: "site",
  severity: "error",
  on: "always",
  field: "syndication.originalUrl",
  messages: {
    twice: { message: "is the same as in {first} ({url})", fix: "reprint each original once: delete one of the two files, or correct its originalUrl" },
  },
  docs: {
    description:
      "Each original is reprinted once (however its address is spelt: `HTTPS://Example.com/a` and `https://example.com/a` are one): the second file, in path order, is named with the first.",
    fails: "# src/reprints/b.md, beside src/reprints/a.md with the same originalUrl\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission",
    passes: "# src/reprints/b.md\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/b\n  licence: permission",
  },
  check({ pages }, report) {
    const byOriginal = new Map<string, string>();
    for (const [inputPath, { originalUrl }] of pages) {
      if (originalUrl === undefined) continue;
      const key = originalKey(originalUrl);
      const first = byOriginal.get(key);
      if (first === undefined) byOriginal.set(key, inputPath);
      else report({ messageId: "twice", file: inputPath, data: { first: displayPath(first), url: originalUrl } });
    }
  },
});
