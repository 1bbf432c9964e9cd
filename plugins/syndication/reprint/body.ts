/**
 * A reprint's body as a template. Eleventy renders Markdown with Liquid first (Nunjucks, where a
 * site says so), so a publisher's text with `{{` or `{%` in it is read as a template tag. A tag that
 * is never closed fails the build inside Eleventy with a stack trace; the plugin reports it in its
 * one report instead, with the line, and says how to show the text as written.
 */

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
