import { createRequire } from "node:module";
import type { Node } from "yaml";
import { keyName } from "./text.js";
import { parseDate, YAML_TIMESTAMP } from "./dates.js";

// gray-matter and yaml are loaded when a report needs them, not on every build.
const require = createRequire(import.meta.url);
const load = () => ({
  matter: require("gray-matter") as typeof import("gray-matter"),
  yaml: require("yaml") as typeof import("yaml"),
});

/** Where each `syndication` field stands in a file's front matter. */
export interface FieldLocations {
  /**
   * Field name → 1-based line in the file (`previousUrls[2]`: an entry of a list). "syndication" is the line of the `syndication:` key;
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
  const { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yaml;
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
      // Each entry of a list, for a problem that names one (`previousUrls[2]`).
      if (isSeq(field.value)) {
        const name = keyName(String(field.key.value));
        field.value.items.forEach((item, index) => {
          const at = lineOf(item);
          if (at !== undefined) lines.set(`${name}[${index}]`, at);
        });
      }
    }
  }
  return found;
}

/** A YAML timestamp as written, after the key it belongs to (block or flow style). */
const TOKEN =
  /([\w-]+)["']?[ \t]*:[ \t]*["']?(\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:[Zz]|[-+]\d\d?(?::?\d\d)?))?)?)(?=[ \t]*(?:["',}\]#\r\n]|$))/gm;
/**
 * What js-yaml makes of a timestamp (it rolls 2021-02-30 over to 2 March), and whether the text
 * is a real date (parseDate's verdict, the one the build gives).
 */
function yamlTime(text: string): { ms: number; real: () => boolean } | undefined {
  const m = YAML_TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((n) => (n === undefined ? undefined : Number(n))) as number[];
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
  let time = Date.UTC(y!, mo! - 1, d, h, mi, sec, ms);
  if (m[9]) time -= (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0)) * 60_000;
  return { ms: time, real: () => parseDate(text).ok };
}

/** The fields of a `syndication` block that YAML gave as dates: field, its key as written, the value. */
export function yamlDates(syndication: unknown): Array<[field: string, key: string, value: Date]> {
  const data = syndication instanceof Object ? (syndication as Record<string, unknown>) : {};
  const withdrawn = data.withdrawn instanceof Object ? (data.withdrawn as Record<string, unknown>).date : undefined;
  const fields: Array<[string, string, unknown]> = [
    ["published", "published", data.published],
    ["expires", "expires", data.expires],
    ["withdrawn.date", "date", withdrawn],
  ];
  return fields.filter((field): field is [string, string, Date] => field[2] instanceof Date);
}

/**
 * The dates of a `syndication` block exactly as written, found cheaply (no second YAML parse):
 * for each date YAML gave (`published`, `expires`, `withdrawn.date`), the timestamp in the front
 * matter that YAML turned into that very value — after the same key where there is one. YAML
 * rolls 2021-13-45 over into a valid date; the text as written tells the truth. A timestamp under
 * another key that happens to mean another moment is never taken for it.
 */
export function writtenDates(source: string, syndication?: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const wanted = yamlDates(syndication);
  if (wanted.length === 0) return found;
  const end = source.indexOf("\n---", 3);
  const front = source.startsWith("---") ? source.slice(0, end < 0 ? undefined : end) : "";
  const tokens = [...front.matchAll(TOKEN)].map((m) => ({ key: m[1]!, text: m[2]!, time: yamlTime(m[2]!) }));
  for (const [field, key, value] of wanted) {
    const same = tokens.filter((t) => t.time?.ms === value.getTime());
    // Under its own key first; a real date before a rolled-over one.
    const best = same.find((t) => t.key === key && t.time!.real()) ?? same.find((t) => t.key === key) ?? same.find((t) => t.time!.real()) ?? same[0];
    if (best) found.set(field, best.text);
  }
  return found;
}
