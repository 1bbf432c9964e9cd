import { readFileSync } from "node:fs";
import { defineRule } from "./rule.js";
import { rendersTags, unclosedTag } from "../reprint/body.js";
import type { PageContext } from "./context.js";

export default defineRule<PageContext, "unclosedMarkdown" | "unclosed">({
  id: "template-tag-closed",
  stage: "page",
  severity: "error",
  on: "always",
  field: "body",
  messages: {
    unclosedMarkdown: {
      message: 'has "{opener}" that is never closed, which {engine} reads as the start of a template tag and cannot render',
      fix: "add templateEngineOverride: md to the front matter to show the text as written",
    },
    unclosed: {
      message: 'has "{opener}" that is never closed, which {engine} reads as the start of a template tag and cannot render',
      fix: "close the tag, or wrap the text in {% raw %} ... {% endraw %}",
    },
  },
  docs: {
    description:
      "Eleventy renders Markdown with Liquid first (or Nunjucks): a `{{` or `{%` the text never closes would stop the build with a stack trace. It is reported at its line instead; `templateEngineOverride: md` shows the text as written.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n---\nPrices rose by {{ 5% this year.",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\ntemplateEngineOverride: md\n---\nPrices rose by {{ 5% this year.",
  },
  check({ values, content, templateSyntax, file }, report) {
    const engine = rendersTags(templateSyntax);
    if (values.ended || !engine || content === undefined || !content.includes("{")) return;
    const found = unclosedTag(content, engine === "Nunjucks");
    if (!found) return;
    const markdown = /(^|,)\s*md\s*$/.test(String(templateSyntax));
    const line = bodyLine(file, content, found.index);
    report({ messageId: markdown ? "unclosedMarkdown" : "unclosed", data: { opener: found.opener, engine }, ...(line !== undefined ? { line } : {}) });
  },
});

/** The line in the file of an offset in the body, when the body is the file's own text. */
function bodyLine(file: string, body: string, index: number): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  return text.endsWith(body) ? text.slice(0, text.length - body.length + index).split("\n").length : undefined;
}
