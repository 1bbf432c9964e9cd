import matter from "gray-matter";
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from "yaml";

/**
 * Where each `syndication` field stands in a file's front matter: field name → 1-based line.
 * The key "syndication" itself maps to the line of the `syndication:` key; "" to the first
 * line of the front matter. Read only when there is something to report.
 */
export function locateFields(source: string): Map<string, number> {
  const lines = new Map<string, number>();
  const fm = matter(source);
  if (!fm.matter) return lines;
  // The front matter starts on the line after the opening `---`.
  const opening = source.indexOf(fm.matter);
  const offsetLines = opening < 0 ? 1 : source.slice(0, opening).split("\n").length - 1;
  lines.set("", offsetLines);
  const counter = new LineCounter();
  const doc = parseDocument(fm.matter, { lineCounter: counter });
  const lineOf = (node: Node | unknown) => {
    const range = (node as Node | undefined)?.range;
    return range ? counter.linePos(range[0]).line + offsetLines : undefined;
  };
  if (!isMap(doc.contents)) return lines;
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== "syndication") continue;
    const at = lineOf(pair.key);
    if (at !== undefined) lines.set("syndication", at);
    if (!isMap(pair.value)) continue;
    for (const field of pair.value.items) {
      if (!isPair(field) || !isScalar(field.key)) continue;
      const line = lineOf(field.key);
      if (line !== undefined) lines.set(String(field.key.value), line);
    }
  }
  return lines;
}
