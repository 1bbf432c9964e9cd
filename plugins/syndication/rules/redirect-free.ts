import { defineRule } from "./rule.js";
import { lockProblems } from "./lock-problems.js";
import type { SiteContext } from "./context.js";

export default defineRule<SiteContext, "problem">({
  id: "redirect-free",
  stage: "site",
  severity: "error",
  on: "option lockFile",
  field: "previousUrls",
  messages: { problem: { message: "{message}", fix: "{fix}" } },
  docs: {
    description:
      "A declared move leaves a redirect page at the old address: that address must not be another page's.",
    language: "yaml",
    fails: '# /reprints/about/ is a page of the site\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  previousUrls: [/reprints/about/]',
    passes: 'syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  previousUrls: [/reprints/old-name/]',
  },
  check: (context, report) => lockProblems(context, "redirect-free", report),
});
