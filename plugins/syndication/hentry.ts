/**
 * Microformats for IndieWeb readers: the `<article>` that holds a reprint's banner becomes an
 * `h-entry`; the banner's credit is its `u-repost-of` (an `h-cite` of the original).
 */

/** Mark the article around the banner as an h-entry, unless the page already has one. */
export function markEntry(html: string, marker = 'class="syndication-banner'): string {
  if (/\bclass\s*=\s*["'][^"']*\bh-entry\b/i.test(html)) return html;
  const at = html.indexOf(marker);
  if (at < 0) return html;
  const open = html.lastIndexOf("<article", at);
  if (open < 0 || html.slice(open, at).includes("</article")) return html;
  const tag = /^<article\b([^>]*)>/i.exec(html.slice(open));
  if (!tag) return html;
  const attrs = tag[1]!;
  const classAttr = /\bclass\s*=\s*(["'])(.*?)\1/i.exec(attrs);
  const newAttrs = classAttr
    ? attrs.replace(classAttr[0], `class=${classAttr[1]}h-entry ${classAttr[2]}${classAttr[1]}`)
    : `${attrs} class="h-entry"`;
  return `${html.slice(0, open)}<article${newAttrs}>${html.slice(open + tag[0].length)}`;
}
