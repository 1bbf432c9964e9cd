/**
 * Where things are in a JSON text: the line of each member and list entry, and the keys an object
 * has twice (JSON.parse keeps the last one silently). For messages about a hand-edited file.
 */

/** A place in a JSON value: keys and list indexes from the top. */
export type JsonPath = ReadonlyArray<string | number>;

export interface JsonLines {
  /** The 1-based line of the member or entry at this path (of its key, for a member); undefined if there is none. */
  line(path: JsonPath): number | undefined;
  /** Keys written twice in one object: the path of the member, and the lines of both. */
  duplicates: Array<{ path: JsonPath; line: number; first: number }>;
}

const pathKey = (path: JsonPath) => JSON.stringify(path);

/**
 * Scan a JSON text that JSON.parse accepts. Only the first `depth` levels are looked into (the
 * rest is skipped without recursion), so a deeply nested text cannot exhaust the stack.
 */
export function jsonLines(text: string, depth = 8): JsonLines {
  const lines = new Map<string, number>();
  const duplicates: JsonLines["duplicates"] = [];
  let i = 0;
  let line = 1;
  const space = () => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  };
  // A string token, decoded; JSON strings hold no raw line breaks.
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // Any value, not looked into: brackets counted, strings stepped over.
  const skip = () => {
    let open = 0;
    do {
      space();
      const c = text[i];
      if (c === '"') string();
      else if (c === "{" || c === "[") (open++, i++);
      else if (c === "}" || c === "]") (open--, i++);
      else if (c === "," || c === ":") i++;
      else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    } while (open > 0 && i < text.length);
  };
  const value = (path: Array<string | number>) => {
    space();
    const c = text[i];
    if ((c === "{" || c === "[") && path.length >= depth) return skip();
    if (c === "{") {
      i++;
      const seen = new Map<string, number>();
      space();
      if (text[i] === "}") return void i++;
      for (;;) {
        space();
        const at = line;
        const key = string();
        const member = [...path, key];
        const first = seen.get(key);
        if (first !== undefined) duplicates.push({ path: member, line: at, first });
        else seen.set(key, at);
        space();
        i++; // ":"
        value(member);
        lines.set(pathKey(member), at);
        space();
        if (text[i++] !== ",") return;
      }
    }
    if (c === "[") {
      i++;
      space();
      if (text[i] === "]") return void i++;
      for (let index = 0; ; index++) {
        space();
        lines.set(pathKey([...path, index]), line);
        value([...path, index]);
        space();
        if (text[i++] !== ",") return;
      }
    }
    if (c === '"') return void string();
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  value([]);
  return { line: (path) => (path.length === 0 ? 1 : lines.get(pathKey(path))), duplicates };
}

/** The line of a character offset in a text (for JSON.parse's "at position 12"). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
