/** Text from front matter as messages quote it, and the characters a web page cannot carry. */

/** Characters shown as escapes in a message: they would break its line, hide or reorder its text. */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}]/gu;
const LONGEST = 60;

const escape = (ch: string) =>
  [...ch].map((c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join("");

/**
 * Text as a message line may show it: line breaks, control characters (a terminal's escape
 * sequences), direction and invisible characters written as `\u001B`-style escapes, so that a
 * file name or a value can neither colour a report, nor start a line of its own, nor reorder it.
 */
export const showable = (text: string): string => text.replace(UNSHOWABLE, escape);

/**
 * JSON of a value, or undefined where JSON has none: BigInt as `12n`, a cycle or a throwing
 * getter as undefined. Front matter from JavaScript data files can hold anything.
 */
export function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
  } catch {
    return undefined;
  }
}

/**
 * A value as a message quotes it, on one line and short: text in double quotes with line breaks,
 * control and direction characters escaped (`"a\nb"`, `"\u202E..."`), long text cut with "…";
 * other values as JSON, or by their kind when they have none.
 */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === "string") {
    const chars = [...value];
    text = JSON.stringify(chars.length > LONGEST ? `${chars.slice(0, LONGEST - 1).join("")}…` : value);
  } else {
    // JSON shows a Set, a Map or a class instance as `{}`: those are named by their kind instead.
    text = (showsAsJson(value) ? jsonText(value) : undefined) ?? kind(value);
    const chars = [...text];
    if (chars.length > LONGEST) text = `${chars.slice(0, LONGEST - 1).join("")}…`;
  }
  return showable(text);
}

/** Values JSON shows as they are: primitives, lists, plain objects and dates. */
function showsAsJson(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A short name for a value's kind, for values JSON cannot show (a Set, a Map, a function). */
function kind(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === "string" && name !== "" ? `a ${name}` : "an object";
}

/** A key as a field name shows it: as written when it is a plain name, else quoted. */
export function keyName(key: string): string {
  return /^[\p{L}\p{N}_$-]+$/u.test(key) ? key : quote(key);
}

/** The key a problem's field starts with: `source` of `syndication.source`, `a.b` of `syndication."a.b"`. */
export function fieldKey(field: string): string | undefined {
  const rest = /^syndication\.(.*)$/s.exec(field)?.[1];
  if (rest === undefined) return undefined;
  if (!rest.startsWith('"')) return rest.split(".")[0];
  const quoted = /^"(?:[^"\\]|\\.)*"/.exec(rest)?.[0];
  return quoted ?? rest;
}

/** The characters `unprintable` finds, as a character class (`import` strips them from a body). */
export const UNPRINTABLE = "[\\u0000-\\u0008\\u000B\\u000E-\\u001F\\u007F-\\u009F\\p{Cs}\\p{Noncharacter_Code_Point}]";
const unprintableChar = new RegExp(UNPRINTABLE, "u");

/**
 * Characters no web page may contain, even escaped (HTML makes each a parse error): control
 * characters other than tab, line feed, form feed and carriage return, lone surrogates and
 * noncharacters. Returns the first, as `U+0007`, or undefined.
 */
export function unprintable(text: string): string | undefined {
  const found = unprintableChar.exec(text);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : undefined;
}

/** Where text in `syndication` goes into the page: plain text, a list of names, or `{ name }` and `{ note }`. */
function texts(raw: Record<string, unknown>): [field: string, text: unknown][] {
  const licence = (key: string) => {
    const value = raw[key];
    return value !== null && typeof value === "object" ? [[`${key}`, (value as Record<string, unknown>).name] as [string, unknown]] : [];
  };
  const withdrawn = raw.withdrawn !== null && typeof raw.withdrawn === "object" ? (raw.withdrawn as Record<string, unknown>).note : undefined;
  return [
    ["source", raw.source],
    ["copyright", raw.copyright],
    // An author is a name or { name, affiliation }: both are shown.
    ...(Array.isArray(raw.author) ? Array.from(raw.author) : [raw.author]).flatMap((a) =>
      a !== null && typeof a === "object"
        ? [["author", (a as Record<string, unknown>).name] as [string, unknown], ["author", (a as Record<string, unknown>).affiliation] as [string, unknown]]
        : [["author", a] as [string, unknown]],
    ),
    ["changes", raw.changes],
    ...licence("licence"),
    ...licence("license"),
    ["withdrawn.note", withdrawn],
  ];
}

/** Text in `syndication` that a web page cannot carry: one per field (`author`, `withdrawn.note`), with the first such character. */
export function unprintableTexts(raw: Record<string, unknown>): Array<{ field: string; code: string }> {
  const found = new Map<string, string>();
  for (const [field, text] of texts(raw)) {
    const code = typeof text === "string" ? unprintable(text) : undefined;
    if (code && !found.has(field)) found.set(field, code);
  }
  return [...found].map(([field, code]) => ({ field, code }));
}
