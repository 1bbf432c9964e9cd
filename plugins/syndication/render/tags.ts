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

/**
 * The start tags whose names `opener` finds (a global pattern with the name as its first group,
 * such as `/<(link|meta)(?=[\s/>])/gi`), in order. A tag ends at its first `>` that is not in a
 * quoted attribute value, as a browser reads it; a tag inside the attribute value of another tag
 * it finds is not a tag; a tag that is never closed ends the markup (a browser drops it at the end
 * of the file). Tags of other names are not read: text in their attribute values is searched too.
 */
export function* startTags(html: string, opener: RegExp): Generator<StartTag> {
  const n = html.length;
  opener.lastIndex = 0;
  for (let m = opener.exec(html); m; m = opener.exec(html)) {
    let i = m.index + m[0].length;
    while (i < n && html[i] !== ">") {
      if (html[i] === "=") {
        i++;
        while (isSpace(html[i])) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, i + 1);
          if (close < 0) return;
          i = close + 1;
        }
        continue;
      }
      i++;
    }
    if (i >= n) return;
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

/** Markup with the tags for which `drop` says so taken out (and the line break right after each). */
export function withoutTags(html: string, opener: RegExp, drop: (tag: StartTag) => boolean): string {
  let out = "";
  let last = 0;
  for (const tag of startTags(html, opener)) {
    if (!drop(tag)) continue;
    out += html.slice(last, tag.start);
    last = tag.end + (html.startsWith("\r\n", tag.end) ? 2 : html[tag.end] === "\n" ? 1 : 0);
  }
  return last === 0 ? html : out + html.slice(last);
}
