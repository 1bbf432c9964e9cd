import { defineRule } from "./rule.js";
import { displayPath } from "../util/paths.js";
import type { SiteContext } from "./context.js";

export default defineRule<SiteContext, "taken">({
  id: "address-unique",
  stage: "site",
  severity: "error",
  on: "always",
  field: "permalink",
  messages: { taken: { message: "gives the address {url}, which {first} already has", fix: "rename one of the files, or give one an explicit permalink" } },
  docs: {
    description:
      "Two reprints never share an address (`2024-01-02-story.md` and `story.md` both give `/reprints/story/` without a date): the second, in path order, is named with the first.",
    fails: "# src/reprints/story.md, beside src/reprints/2024-01-02-story.md\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/story\n  licence: permission",
    passes: "# src/reprints/story.md\npermalink: /reprints/another-story/\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/story\n  licence: permission",
  },
  check({ pages, items }, report) {
    const byAddress = new Map<string, string>();
    for (const item of [...items].sort((a, b) => (a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0))) {
      if (!pages.get(item.inputPath)?.reprint || typeof item.url !== "string") continue;
      const first = byAddress.get(item.url);
      if (first === undefined) byAddress.set(item.url, item.inputPath);
      else report({ messageId: "taken", file: item.inputPath, data: { url: item.url, first: displayPath(first) } });
    }
  },
});
