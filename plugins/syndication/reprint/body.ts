/**
 * A reprint's body as a template. Eleventy renders Markdown with Liquid first (Nunjucks, where a
 * site says so), so a publisher's text with `{{` or `{%` in it is read as a template tag. A tag that
 * is never closed fails the build inside Eleventy with a stack trace; the plugin reports it in its
 * one report instead, with the line, and says how to show the text as written.
 */
import { readFileSync } from "node:fs";
import type { PlacedProblem } from "../eleventy/frontmatter.js";

/** Liquid's and Nunjucks' openers and what closes each. */
const CLOSERS: Record<string, string> = { "{{": "}}", "{%": "%}", "{#": "#}" };

/** Where in `text` a template tag opens and is never closed, if it does. */
export function unclosedTag(text: string, njk: boolean): { index: number; opener: string } | undefined {
  const opener = njk ? /\{[{%#]/g : /\{[{%]/g;
  let match: RegExpExecArray | null;
  while ((match = opener.exec(text))) {
    const close = text.indexOf(CLOSERS[match[0]]!, match.index + 2);
    if (close < 0) return { index: match.index, opener: match[0] };
    const tag = text.slice(match.index + 2, close);
    // Text inside {% raw %} ... {% endraw %} is not read as tags.
    if (match[0] === "{%" && /^-?\s*raw\s*-?$/.test(tag)) {
      const end = /\{%-?\s*endraw\s*-?%\}/g;
      end.lastIndex = close + 2;
      const found = end.exec(text);
      if (!found) return undefined;
      opener.lastIndex = found.index + found[0].length;
    } else {
      opener.lastIndex = close + 2;
    }
  }
  return undefined;
}

/** The template languages that render a page first: Eleventy's `page.templateSyntax`, "liquid,md". */
export function rendersTags(templateSyntax: unknown): "Liquid" | "Nunjucks" | undefined {
  const engines = typeof templateSyntax === "string" ? templateSyntax.split(",").map((s) => s.trim()) : [];
  return engines.includes("njk") ? "Nunjucks" : engines.includes("liquid") ? "Liquid" : undefined;
}

/**
 * The problem with a body that has an unclosed template tag, with its line in the file when the
 * body is the file's own text (`source`, read only when there is a problem).
 */
export function bodyProblem(inputPath: string, body: string, templateSyntax: unknown, source?: string): PlacedProblem | undefined {
  const engine = rendersTags(templateSyntax);
  if (!engine || !body.includes("{")) return undefined;
  const found = unclosedTag(body, engine === "Nunjucks");
  if (!found) return undefined;
  let text = source;
  if (text === undefined) {
    try {
      text = readFileSync(inputPath, "utf8");
    } catch {
      text = "";
    }
  }
  const offset = text.endsWith(body) ? text.length - body.length : undefined;
  const line = offset !== undefined ? text.slice(0, offset + found.index).split("\n").length : undefined;
  return {
    ...(line !== undefined ? { line } : {}),
    field: "body",
    message: `has "${found.opener}" that is never closed, which ${engine} reads as the start of a template tag and cannot render`,
    fix: /(^|,)\s*md\s*$/.test(String(templateSyntax))
      ? "add templateEngineOverride: md to the front matter to show the text as written"
      : "close the tag, or wrap the text in {% raw %} ... {% endraw %}",
  };
}
