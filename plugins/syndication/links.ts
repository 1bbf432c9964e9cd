/**
 * The links of an article body as received, and whether a rendered page still has them: some
 * publishers (ProPublica) ask that every link of a story be kept.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };

/** Undo HTML escaping and percent-encoding, so `a&amp;b`, `a%20b` and `a b` compare equal. */
function comparable(url: string): string {
  const text = url.trim().replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** Only links to other pages count: not anchors in the page, not mail or telephone links. */
const isWebLink = (url: string) => /^https?:\/\//i.test(url.trim());

/**
 * The web links of a Markdown body (which may hold HTML): inline links `[a](url "title")`,
 * reference definitions `[id]: url`, autolinks `<url>` and `href` attributes. Code is skipped:
 * a link in a code block is text, not a link.
 */
export function linksInMarkdown(body: string): string[] {
  const text = body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "")
    .replace(/`[^`\n]*`/g, "");
  const found: string[] = [];
  for (const m of text.matchAll(/\]\(\s*<([^>\n]+)>|\]\(\s*([^\s)]+)/g)) found.push((m[1] ?? m[2])!);
  for (const m of text.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)>?/gm)) found.push(m[1]!);
  for (const m of text.matchAll(/<(https?:\/\/[^>\s]+)>/gi)) found.push(m[1]!);
  for (const m of text.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) found.push((m[1] ?? m[2])!);
  return [...new Set(found.filter(isWebLink).map((u) => u.trim()))];
}

/** The `href`s of a rendered page, comparable with the body's links. */
export function hrefsInHtml(html: string): Set<string> {
  const hrefs = new Set<string>();
  for (const m of html.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)) hrefs.add(comparable((m[1] ?? m[2] ?? m[3])!));
  return hrefs;
}

/** The body's links that the rendered page no longer has. */
export function missingLinks(bodyLinks: string[], html: string): string[] {
  const hrefs = hrefsInHtml(html);
  return bodyLinks.filter((url) => !hrefs.has(comparable(url)));
}

/** Does the rendered page show an image from this address (the publisher's tracking pixel)? */
export function hasImage(html: string, url: string): boolean {
  const wanted = comparable(url);
  for (const m of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)) {
    if (comparable((m[1] ?? m[2] ?? m[3])!) === wanted) return true;
  }
  return false;
}

/** Does the body as written already show this image, as HTML or as a Markdown image? */
export function bodyHasImage(body: string, url: string): boolean {
  if (hasImage(body, url)) return true;
  const wanted = comparable(url);
  for (const m of body.matchAll(/!\[[^\]\n]*\]\(\s*<?([^\s)>]+)/g)) if (comparable(m[1]!) === wanted) return true;
  return false;
}
