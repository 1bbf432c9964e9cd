import { defineRule } from "./rule.js";
import { missingLinks } from "../render/links.js";
import { quote } from "../util/text.js";
import type { RenderedContext } from "./context.js";

export default defineRule<RenderedContext, "lost">({
  id: "links-kept",
  stage: "rendered",
  severity: "error",
  on: "publisher rule keepLinks",
  field: "content",
  messages: {
    lost: {
      message: "lost {count} of the story's links on the way to the page ({links}), and {source} asks that every link be kept",
      fix: "write each link as Markdown [text](address) or as <a href>, and check what rewrites the page's HTML",
    },
  },
  docs: {
    description:
      "A publisher that asks for every link of a story to be kept (ProPublica) gets each link of the body as received on the built page: Markdown links, reference links, autolinks and HTML `<a href>`.",
    language: "markdown",
    fails: "Read [the report](https://www.example.org/report).\n<!-- a markdown-it set up with html: false, or a transform, drops the link -->",
    passes: "Read [the report](https://www.example.org/report).",
  },
  check({ html, reprint, links }, report) {
    if (!reprint) return;
    const lost = links ? missingLinks(links, html) : [];
    if (lost.length === 0) return;
    const shown = `${lost.slice(0, 3).map(quote).join(", ")}${lost.length > 3 ? ", ..." : ""}`;
    report({ messageId: "lost", data: { count: lost.length, links: shown, source: reprint.source.name } });
  },
});
