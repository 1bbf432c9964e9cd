import { createRequire } from "node:module";
import type { Node } from "yaml";
import { keyName } from "./text.js";

// gray-matter and yaml are loaded when a report needs them, not on every build.
const require = createRequire(import.meta.url);
const load = () => ({
  matter: require("gray-matter") as typeof import("gray-matter"),
  yaml: require("yaml") as typeof import("yaml"),
});

/** Where each `syndication` field stands in a file's front matter. */
export interface FieldLocations {
  /**
   * Field name → 1-based line in the file. "syndication" is the line of the `syndication:` key;
   * "@permalink" that of the page's own `permalink:`; "" is line 1, where the front matter opens.
   */
  lines: Map<string, number>;
}

/** Read a file's front matter for positions. Done only for reprints, never for other pages. */
export function locateFields(source: string): FieldLocations {
  const lines = new Map<string, number>();
  const found = { lines };
  // gray-matter gives the front matter's text; it sits after the opening `---` line.
  // Options (even empty) keep gray-matter from caching: its cache returns copies without `matter`.
  const { matter, yaml } = load();
  const { isMap, isPair, isScalar, LineCounter, parseDocument } = yaml;
  const fm = matter(source, {});
  if (!fm.matter) return found;
  lines.set("", 1);
  const opening = source.indexOf(fm.matter);
  const offsetLines = opening < 0 ? 1 : source.slice(0, opening).split("\n").length - 1;
  const counter = new LineCounter();
  const doc = parseDocument(fm.matter, { lineCounter: counter });
  const lineOf = (node: Node | unknown) => {
    const range = (node as Node | undefined)?.range;
    return range ? counter.linePos(range[0]).line + offsetLines : undefined;
  };
  if (!isMap(doc.contents)) return found;
  for (const pair of doc.contents.items) {
    // A page-level field (`permalink`) is found as "@permalink".
    if (isPair(pair) && isScalar(pair.key) && pair.key.value === "permalink") {
      const at = lineOf(pair.key);
      if (at !== undefined) lines.set("@permalink", at);
    }
    if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== "syndication") continue;
    const at = lineOf(pair.key);
    if (at !== undefined) lines.set("syndication", at);
    if (!isMap(pair.value)) continue;
    for (const field of pair.value.items) {
      if (!isPair(field) || !isScalar(field.key)) continue;
      const line = lineOf(field.key);
      // Both as written and as a problem names it (`"a\nb"` for a key that is not a plain name).
      if (line !== undefined) lines.set(String(field.key.value), line).set(keyName(String(field.key.value)), line);
    }
  }
  return found;
}

/**
 * The dates of a `syndication` block exactly as written, found cheaply (no YAML parse): a line
 * `  published: 2021-13-45` or `  expires: "2021-12-14"` inside the front matter. Used on every
 * reprint with YAML dates, to catch dates YAML rolled over; the full parse is for error reports.
 */
export function writtenDates(source: string): Map<string, string> {
  const found = new Map<string, string>();
  const end = source.indexOf("\n---", 3);
  const front = source.startsWith("---") ? source.slice(0, end < 0 ? undefined : end) : "";
  for (const match of front.matchAll(/^[ \t]+(published|expires):[ \t]*["']?(\d{4}-\d\d?-\d\d?(?:[Tt \t][^\r\n#"']*)?)/gm)) {
    found.set(match[1]!, match[2]!.trim());
  }
  return found;
}
