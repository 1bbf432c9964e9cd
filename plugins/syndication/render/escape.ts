const HTML: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  // Braces too: the banner is injected before Liquid/Nunjucks pre-render Markdown,
  // so text from front matter must never read as a template tag.
  "{": "&#123;",
  "}": "&#125;",
};

/** Escape text for an HTML element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'{}]/g, (ch) => HTML[ch]!);
}

/** JSON that is safe inside <script>: no "<", ">", "&" or line separators survive as themselves. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
