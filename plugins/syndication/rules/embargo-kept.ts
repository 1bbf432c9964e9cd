import { defineRule } from "./rule.js";
import { carriedPhrase } from "../render/phrases.js";
import { displayPath } from "../util/paths.js";
import type { RenderedContext } from "./context.js";

export default defineRule<RenderedContext, "carried">({
  id: "embargo-kept",
  stage: "rendered",
  severity: "error",
  on: "syndication.embargo",
  field: "content",
  messages: {
    carried: {
      message: "carries the text of {reprint}, which is under embargo until {until} (\"{phrase}…\")",
      fix: "take the text out of this page until the embargo ends (an excerpt, a teaser or a feed written by hand), or list reprints with the reprints filter, which leaves embargoed ones out",
    },
  },
  docs: {
    description:
      "No page of the site may carry the text of a reprint under embargo: an excerpt in a list, a teaser, a feed. Every built page (HTML, XML, JSON) is read for the first words of each paragraph of the embargoed text. Checked on the built pages, so the pages are written first and the build then fails.",
    language: "html",
    fails: "<li>Sample Wire reports that the council will vote on the budget next week …</li>",
    passes: "<li><a href=\"/about/\">About this site</a></li>",
  },
  check({ html, embargoed }, report) {
    for (const { file, until, phrases } of embargoed) {
      const phrase = carriedPhrase(html, phrases);
      if (phrase !== undefined) report({ messageId: "carried", data: { reprint: displayPath(file), until, phrase } });
    }
  },
});
