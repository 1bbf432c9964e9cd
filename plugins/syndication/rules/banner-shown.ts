import { defineRule } from "./rule.js";
import type { RenderedContext } from "./context.js";

const BANNER_CLASS = 'class="syndication-banner"';

export default defineRule<RenderedContext, "missing" | "missingManual" | "escaped" | "twice">({
  id: "banner-shown",
  stage: "rendered",
  severity: "warning",
  on: "always",
  field: "content",
  messages: {
    missing: {
      message: "has no attribution banner: the template's content does not reach the page (a .11ty.js template, or Nunjucks {% extends %})",
      fix: "put {% syndicationBanner %} (or {{ {dataKey}.banner.html | safe }}) where the credit belongs",
    },
    missingManual: {
      message: 'has no attribution banner: bannerPosition is "none" and the page has no {% syndicationBanner %}',
      fix: "put {% syndicationBanner %} (or {{ {dataKey}.banner.html | safe }}) where the credit belongs",
    },
    escaped: {
      message: "shows its attribution banner as escaped text: the Markdown library does not allow HTML (markdown-it's html option is false)",
      fix: 'allow HTML, or set bannerPosition to "none" and put {% syndicationBanner %} in the layout',
    },
    twice: {
      message: "calls {% syndicationBanner %}, but its content already has the banner, so the shortcode printed nothing",
      fix: 'the banner is shown once, where bannerPosition puts it; to place it with the shortcode instead, set bannerPosition: "none"',
    },
  },
  docs: {
    description:
      "Every live reprint's page shows its attribution banner once: a page whose template drops the content (where the plugin put the banner), whose Markdown library escapes it, or that also calls the shortcode is named.",
    language: "njk",
    fails: '{# bannerPosition: "none" #}\n<article>{{ content | safe }}</article>',
    passes: '{# bannerPosition: "none" #}\n<article>{% syndicationBanner %}{{ content | safe }}</article>',
  },
  check({ html, reprint, options, placedTwice }, report) {
    if (!reprint) return;
    if (reprint.tombstone) return;
    const data = { dataKey: options.dataKey };
    if (placedTwice) report({ messageId: "twice", data });
    if (html.includes(BANNER_CLASS)) return;
    if (html.includes("&quot;syndication-banner&quot;")) report({ messageId: "escaped", data });
    else report({ messageId: options.bannerPosition === "none" ? "missingManual" : "missing", data });
  },
});
