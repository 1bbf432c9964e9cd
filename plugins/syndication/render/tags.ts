/**
 * Start tags of HTML, found in one pass over the text. A pattern such as `<img\b[^>]*>` tries
 * again from every `<img` of a page that never closes one (`<img <img <img …`), reading to the
 * end each time: a body of 100 KB of that took seconds. This reads each character once.
 */

/** A start tag: where it starts, where it ends (after its `>`), its name in lower case and its text. */
export interface StartTag {
  start: number;
  end: number;
  name: string;
  text: string;
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
const GT = 62;
const EQUALS = 61;

/**
 * The start tags whose names `opener` finds (a global pattern with the name as its first group,
 * such as `/<(link|meta)(?=[\s/>])/gi`), in order, between `from` and `to` (the whole text by
 * default; the text outside is not read). A tag ends at its first `>` that is not in a quoted
 * attribute value, as a browser reads it; a tag inside the attribute value of another tag it finds
 * is not a tag; a tag that is never closed ends the markup (a browser drops it at the end of the
 * file). Tags of other names are not read: text in their attribute values is searched too.
 */
export function* startTags(html: string, opener: RegExp, from = 0, to = html.length): Generator<StartTag> {
  // The pattern searches no further than `to`: a slice shares the text, it does not copy it.
  const text = to < html.length ? html.slice(0, to) : html;
  opener.lastIndex = from;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    let i = m.index + m[0].length;
    while (i < to && html.charCodeAt(i) !== GT) {
      if (html.charCodeAt(i) === EQUALS) {
        i++;
        while (isSpace(html[i])) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, i + 1);
          if (close < 0 || close >= to) return;
          i = close + 1;
        }
        continue;
      }
      i++;
    }
    if (i >= to) return;
    yield { start: m.index, end: i + 1, name: m[1]!.toLowerCase(), text: html.slice(m.index, i + 1) };
    opener.lastIndex = i + 1;
  }
}

const ATTR = /([^\s="'<>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes of one start tag, names lower-cased (the first of a name counts, as in a browser). */
export function attributes(tag: string): Map<string, string> {
  const inner = tag.replace(/^<\w+/, "").replace(/\/?>$/, "");
  const map = new Map<string, string>();
  for (const m of inner.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!map.has(name)) map.set(name, m[2] ?? m[3] ?? m[4] ?? "");
  }
  return map;
}

/** A change to a text: what stands from `start` to `end` (an insertion where they are equal) becomes `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Where the line break right after `at` ends (`at` itself without one), not past `to`. */
export function afterLineBreak(html: string, at: number, to = html.length): number {
  if (html.startsWith("\r\n", at) && at + 2 <= to) return at + 2;
  return html[at] === "\n" && at < to ? at + 1 : at;
}

/** The removal of each tag for which `drop` says so (and of the line break right after it). */
export function tagRemovals(html: string, opener: RegExp, drop: (tag: StartTag) => boolean, from = 0, to = html.length): Edit[] {
  const edits: Edit[] = [];
  for (const tag of startTags(html, opener, from, to)) if (drop(tag)) edits.push({ start: tag.start, end: afterLineBreak(html, tag.end, to), text: "" });
  return edits;
}

/**
 * The text with the edits made, in one pass: the unchanged stretches between them are copied once
 * into one new string, with no intermediate copy of the whole. Edits are taken in order of their
 * start (insertions at one place in the order given); one that overlaps an edit before it is left
 * out (two scans that each read a tag inside the other's attribute value).
 */
export function applyEdits(html: string, edits: Edit[]): string {
  if (edits.length === 0) return html;
  const sorted = edits.length > 1 ? [...edits].sort((a, b) => a.start - b.start) : edits;
  const parts: string[] = [];
  let last = 0;
  for (const edit of sorted) {
    if (edit.start < last) continue;
    parts.push(html.slice(last, edit.start), edit.text);
    last = edit.end;
  }
  parts.push(html.slice(last));
  // Array join makes one flat string: what Eleventy keeps of the page holds nothing of the input.
  return parts.join("");
}

/** Markup with the tags for which `drop` says so taken out (and the line break right after each). */
export function withoutTags(html: string, opener: RegExp, drop: (tag: StartTag) => boolean): string {
  return applyEdits(html, tagRemovals(html, opener, drop));
}
