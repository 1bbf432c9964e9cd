import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "missing">({
  id: "pixel-required",
  stage: "page",
  severity: "error",
  on: "publisher rule pixel",
  field: "syndication.pixel",
  messages: {
    missing: { absent: true, message: "is missing, and {source} requires its tracking pixel on every reprint", fix: "copy the address of the pixel image (img src) from the publisher's republishing HTML" },
  },
  docs: {
    description: "A publisher that counts its readers with a tracking image (The Conversation, ProPublica) gets its address in `pixel`; the plugin puts the image on the page.",
    fails: "syndication:\n  source: propublica\n  originalUrl: https://www.propublica.org/article/a-story",
    passes: "syndication:\n  source: propublica\n  originalUrl: https://www.propublica.org/article/a-story\n  pixel: https://pixel.propublica.org/pixel.gif?id=3",
  },
  check({ values }, report) {
    const entry = values.entry;
    if (!values.ended && entry?.rules?.pixel && values.raw.pixel === undefined) report({ messageId: "missing", data: { source: entry.name } });
  },
});
