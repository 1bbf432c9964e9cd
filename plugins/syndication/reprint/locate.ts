import { createRequire } from "node:module";
import type { Node } from "yaml";
import { keyName } from "../util/text.js";
import { YAML_TIMESTAMP } from "./dates.js";

// gray-matter and yaml are loaded when a report needs them, not on every build.
const require = createRequire(import.meta.url);
let loaded: { matter: typeof import("gray-matter"); yaml: typeof import("yaml"); jsYaml: typeof import("js-yaml") } | undefined;
const load = () =>
  (loaded ??= {
    matter: require("gray-matter") as typeof import("gray-matter"),
    yaml: require("yaml") as typeof import("yaml"),
    jsYaml: require("js-yaml") as typeof import("js-yaml"),
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
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yaml;
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
    // An alias (`syndication: *base`) or a merge key (`<<: *base`) brings in fields written elsewhere
    // in this file: each is found where it is written. The block's own fields come first, and win.
    const resolved = (node: unknown) => (isAlias(node) ? node.resolve(doc) : node);
    const block = resolved(pair.value);
    if (!isMap(block)) continue;
    const maps = [block];
    for (let i = 0; i < maps.length && i < 100; i++) {
      for (const field of maps[i]!.items) {
        if (!isPair(field) || !isScalar(field.key)) continue;
        if (field.key.value === "<<") {
          const from = resolved(field.value);
          for (const source of isSeq(from) ? from.items.map(resolved) : [from]) if (isMap(source)) maps.push(source);
          continue;
        }
        const name = String(field.key.value);
        const line = lineOf(field.key);
        if (line === undefined || lines.has(name)) continue;
        // Both as written and as a problem names it (`"a\nb"` for a key that is not a plain name).
        lines.set(name, line).set(keyName(name), line);
        // Each entry of a list, for a problem that names one (`previousUrls[2]`).
        const value = resolved(field.value);
        if (isSeq(value)) {
          value.items.forEach((item, index) => {
            const at = lineOf(item);
            if (at !== undefined) lines.set(`${keyName(name)}[${index}]`, at);
          });
        }
      }
    }
  }
  return found;
}

/**
 * What js-yaml makes of a timestamp: the instant (it rolls 2021-02-30 over to 2 March), to be
 * sure that a text is the one YAML turned into a given date.
 */
function yamlTime(text: string): number | undefined {
  const m = YAML_TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((n) => (n === undefined ? undefined : Number(n))) as number[];
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
  let time = Date.UTC(y!, mo! - 1, d, h, mi, sec, ms);
  if (m[9]) time -= (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0)) * 60_000;
  return time;
}

/**
 * js-yaml's default schema (Eleventy's front-matter parser and its settings), except that a
 * timestamp is kept as the text YAML read: after its tag (`!!timestamp`), its quotes and escapes,
 * the alias (`*a`) that points at it, or the merge key (`<<`) that brings it in.
 */
let timestampsAsText: import("js-yaml").Schema | undefined;
function textSchema(): import("js-yaml").Schema {
  if (!timestampsAsText) {
    const { CORE_SCHEMA, Type } = load().jsYaml;
    // js-yaml 4 exports its types (its typings do not say so).
    const { types } = load().jsYaml as unknown as { types: Record<"timestamp" | "merge" | "binary" | "omap" | "pairs" | "set", import("js-yaml").Type> };
    const timestamp = new Type("tag:yaml.org,2002:timestamp", {
      kind: "scalar",
      resolve: (text: string) => types.timestamp.resolve(text),
      construct: (text: string) => text,
    });
    timestampsAsText = CORE_SCHEMA.extend({ implicit: [timestamp, types.merge], explicit: [types.binary, types.omap, types.pairs, types.set] });
  }
  return timestampsAsText;
}

/** The date fields of a `syndication` block (`published`, `expires`, `withdrawn.date`) with their values. */
function dateFields(syndication: unknown): Array<[field: string, value: unknown]> {
  const data = syndication instanceof Object ? (syndication as Record<string, unknown>) : {};
  const withdrawn = data.withdrawn instanceof Object ? (data.withdrawn as Record<string, unknown>).date : undefined;
  return [
    ["published", data.published],
    ["expires", data.expires],
    ["withdrawn.date", withdrawn],
  ];
}

/** The fields of a `syndication` block that YAML gave as dates, with the date. */
export function yamlDates(syndication: unknown): Array<[field: string, value: Date]> {
  return dateFields(syndication).filter((field): field is [string, Date] => field[1] instanceof Date);
}

/**
 * The dates of a `syndication` block exactly as written: for each date YAML gave (`published`,
 * `expires`, `withdrawn.date`), the timestamp's text, whatever route YAML took to it (plain,
 * quoted with a tag, an alias, a merge key). YAML rolls 2021-13-45 over into a valid date; the
 * text as written tells the truth. The front matter is read again with js-yaml, timestamps kept
 * as text (as cheap as a scan for them); a text that does not give that very date is not taken
 * for it, and front matter js-yaml cannot read (another engine's) gives none.
 */
export function writtenDates(source: string, syndication?: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const wanted = yamlDates(syndication);
  if (wanted.length === 0 || !source.startsWith("---")) return found;
  const end = source.indexOf("\n---", 3);
  // The front matter starts on the line after the opening "---" (which may name a language).
  const open = source.indexOf("\n");
  if (open < 0 || (end >= 0 && end < open)) return found;
  let data: unknown;
  try {
    data = load().jsYaml.load(source.slice(open + 1, end < 0 ? undefined : end + 1), { schema: textSchema() });
  } catch {
    return found;
  }
  // Read with timestamps as text, the date fields are text.
  const texts = new Map(dateFields((data as { syndication?: unknown } | null)?.syndication).filter((f): f is [string, string] => typeof f[1] === "string"));
  for (const [field, value] of wanted) {
    const text = texts.get(field);
    if (text !== undefined && yamlTime(text) === value.getTime()) found.set(field, text);
  }
  return found;
}
