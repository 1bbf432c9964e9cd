import { createRequire } from "node:module";
import type { Node, YAMLMap } from "yaml";
import { keyName } from "../util/text.js";
import { YAML_TIMESTAMP } from "./dates.js";
import { DATE_FIELDS, valueAt } from "./fields.js";

// One parser for positions and for text as written: `yaml`, loaded when a report needs it (or a
// reprint has YAML dates), not on every build.
const require = createRequire(import.meta.url);
let loaded: typeof import("yaml") | undefined;
const load = () => (loaded ??= require("yaml") as typeof import("yaml"));

/** The front matter's text (after the opening `---` line, up to the closing one) and the line it starts on. */
function frontMatterOf(source: string): { text: string; firstLine: number } | undefined {
  if (!source.startsWith("---")) return undefined;
  const open = source.indexOf("\n");
  const end = source.indexOf("\n---", 3);
  if (open < 0 || (end >= 0 && end < open)) return undefined;
  return { text: source.slice(open + 1, end < 0 ? undefined : end + 1), firstLine: 2 };
}

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
  const { isAlias, isMap, isPair, isScalar, LineCounter, parseDocument } = load();
  const fm = frontMatterOf(source);
  if (!fm || fm.text.trim() === "") return found;
  lines.set("", 1);
  const offsetLines = fm.firstLine - 1;
  const counter = new LineCounter();
  const doc = parseDocument(fm.text, { lineCounter: counter });
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
    locateBlock(block, lines, lineOf, resolved);
  }
  return found;
}

/**
 * The fields of a `syndication` block, each at its line: its own first, then those a merge key
 * brings in (`<<: *base`). A field already found is kept: the block's own fields win.
 */
function locateBlock(block: YAMLMap, lines: Map<string, number>, lineOf: (node: unknown) => number | undefined, resolved: (node: unknown) => unknown): void {
  const { isMap, isPair, isScalar, isSeq } = load();
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

/** The date fields of a `syndication` block that YAML gave as dates, with the date. */
export function yamlDates(syndication: unknown): Array<[field: string, value: Date]> {
  return DATE_FIELDS.map((path) => [path, valueAt(syndication, path)] as [string, unknown]).filter((field): field is [string, Date] => field[1] instanceof Date);
}

const TIMESTAMP = "tag:yaml.org,2002:timestamp";

/** The top-level `syndication:` key that opens a block (nothing after it but a comment). */
const BLOCK_KEY = /^syndication[ \t]*:[ \t]*(?:#.*)?$/m;
/** The next top-level line: the end of the block. */
const TOP_LEVEL = /\n(?=[^ \t\r\n#])/g;
/** The block's first field, for its indentation. */
const FIRST_FIELD = /^([ \t]+)[^ \t\r\n#]/m;
/** A `published:` or `expires:` line: indentation, field and value. */
const DATE_LINES = /^([ \t]+)(published|expires)[ \t]*:[ \t]+([^ \t\r\n][^\r\n]*)/gm;
/** A comment after a value: `#` after a space or a tab. */
const COMMENT = /[ \t]#/;

/** A value as YAML reads it on its line: without a comment and the spaces before it. */
function withoutComment(value: string): string {
  const at = value.search(COMMENT);
  return (at < 0 ? value : value.slice(0, at)).trimEnd();
}

/**
 * The common case, read without a second parse: each date YAML gave is `published:` or `expires:`
 * written plainly on a line of the `syndication:` block (a comment after it allowed), and that
 * text is the very date YAML gave. Undefined for anything else (a tag, an alias, a merge key,
 * `withdrawn.date`, a flow mapping), which the parse then reads.
 */
function writtenPlainly(front: string, wanted: Array<[field: string, value: Date]>): Map<string, string> | undefined {
  const key = BLOCK_KEY.exec(front);
  if (!key) return undefined;
  TOP_LEVEL.lastIndex = key.index + key[0].length;
  const block = front.slice(key.index + key[0].length, TOP_LEVEL.exec(front)?.index);
  const indent = FIRST_FIELD.exec(block)?.[1];
  const lines = new Map<string, string>();
  // The block's own fields are the lines of its first indentation; deeper lines are values.
  for (const [, lead, field, value] of block.matchAll(DATE_LINES)) if (lead === indent) lines.set(field!, withoutComment(value!));
  const found = new Map<string, string>();
  for (const [field, value] of wanted) {
    const text = lines.get(field);
    if (text === undefined || yamlTime(text) !== value.getTime()) return undefined;
    found.set(field, text);
  }
  return found;
}

/**
 * The dates of a `syndication` block exactly as written: for each date YAML gave (the date fields
 * of the fields table), the timestamp's text, whatever route YAML took to it (plain, quoted with a
 * tag, an alias, a merge key). YAML rolls 2021-13-45 over into a valid date; the text as written
 * tells the truth. A date written plainly on the block's own line is read from that line;
 * otherwise the front matter is read again with timestamps kept as text. A text that does not give
 * that very date is not taken for it, and front matter YAML cannot read gives none.
 */
export function writtenDates(source: string, syndication?: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const wanted = yamlDates(syndication);
  const fm = wanted.length > 0 ? frontMatterOf(source) : undefined;
  if (!fm) return found;
  const plain = writtenPlainly(fm.text, wanted);
  if (plain) return plain;
  let data: unknown;
  try {
    const doc = load().parseDocument(fm.text, {
      merge: true,
      customTags: (tags) => [...tags.filter((tag) => (tag as { tag?: string }).tag !== TIMESTAMP), { tag: TIMESTAMP, resolve: (text: string) => text }],
    });
    if (doc.errors.length > 0) return found;
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return found;
  }
  const block = (data as { syndication?: unknown } | null)?.syndication;
  for (const [field, value] of wanted) {
    const text = valueAt(block, field);
    if (typeof text === "string" && yamlTime(text) === value.getTime()) found.set(field, text);
  }
  return found;
}
