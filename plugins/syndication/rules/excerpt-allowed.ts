import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "wholeOnly">({
  id: "excerpt-allowed",
  stage: "page",
  severity: "error",
  on: "publisher rule excerpts: false",
  field: "syndication.excerpt",
  messages: { wholeOnly: { message: "is true, but {source} allows its stories to be reprinted whole only", fix: "reprint the whole story, or link to it instead" } },
  docs: {
    description: "A publisher that grants the right to reprint whole stories only (ProPublica) gets no excerpts.",
    fails: "syndication:\n  source: propublica\n  originalUrl: https://www.propublica.org/article/a-story\n  excerpt: true",
    passes: "syndication:\n  source: propublica\n  originalUrl: https://www.propublica.org/article/a-story",
  },
  check({ values }, report) {
    const entry = values.entry;
    if (!values.ended && entry?.rules?.excerpts === false && values.raw.excerpt === true) report({ messageId: "wholeOnly", data: { source: entry.name } });
  },
});
