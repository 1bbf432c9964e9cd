import { defineRule } from "./rule.js";
import { joinNames } from "../render/banner.js";
import { quote } from "../util/text.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "missing" | "without">({
  id: "author-affiliation",
  stage: "page",
  severity: "error",
  on: "publisher rule affiliations",
  field: "syndication.author",
  messages: {
    missing: { absent: true, message: "is missing, and {source} asks that authors be credited with their institutions", fix: "write each author as { name: Jane Doe, affiliation: University of Leeds }" },
    without: { message: "names {names} without an institution, which {source} asks for", fix: "write each author as { name: Jane Doe, affiliation: University of Leeds }" },
  },
  docs: {
    description: "A publisher that asks for authors to be credited with their institutions (The Conversation) gets each author as `{ name, affiliation }`.",
    fails: "syndication:\n  source: the-conversation\n  originalUrl: https://theconversation.com/a-story-123\n  author: Jane Doe",
    passes: "syndication:\n  source: the-conversation\n  originalUrl: https://theconversation.com/a-story-123\n  author: { name: Jane Doe, affiliation: University of Leeds }",
  },
  check({ values }, report) {
    const entry = values.entry;
    if (values.ended || !entry?.rules?.affiliations || values.authors === undefined) return;
    if (values.raw.author === undefined) return report({ messageId: "missing", data: { source: entry.name } });
    const without = values.authors.filter((p) => !p.affiliation).map((p) => p.name);
    if (without.length === 0) return;
    const names = `${joinNames(without.slice(0, 3).map(quote))}${without.length > 3 ? " and others" : ""}`;
    report({ messageId: "without", data: { names, source: entry.name } });
  },
});
