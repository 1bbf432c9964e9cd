import { defineRule } from "./rule.js";
import type { RenderedContext } from "./context.js";

export default defineRule<RenderedContext, "missing">({
  id: "notice-shown",
  stage: "rendered",
  severity: "warning",
  on: "always",
  field: "content",
  messages: {
    missing: {
      message: "is expired or withdrawn, but its template's content does not reach the page, so the article may still show",
      fix: "put {{ {dataKey}.tombstone.html | safe }} in its template in place of the article",
    },
  },
  docs: {
    description: "An expired or withdrawn reprint's page shows the notice that stands in for the article: a template that drops the content (where the plugin put the notice) may still show the article.",
    language: "njk",
    fails: "<article>{{ reprint.title }}: {{ page.excerpt }}</article>",
    passes: "<article>{{ content | safe }}</article>",
  },
  check({ html, reprint, options }, report) {
    if (!reprint) return;
    if (reprint.tombstone && !html.includes('class="syndication-tombstone"')) report({ messageId: "missing", data: { dataKey: options.dataKey } });
  },
});
