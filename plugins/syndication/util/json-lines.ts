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
  const scan = new Scanner(text, depth);
  scan.value([]);
  const { lines, duplicates } = scan;
  return { line: (path) => (path.length === 0 ? 1 : lines.get(pathKey(path))), duplicates };
}

/** A walk through a JSON text, keeping its place (`i`) and line. */
class Scanner {
  i = 0;
  line = 1;
  readonly lines = new Map<string, number>();
  readonly duplicates: JsonLines["duplicates"] = [];

  constructor(
    private readonly text: string,
    private readonly depth: number,
  ) {}

  space(): void {
    const { text } = this;
    for (; this.i < text.length; this.i++) {
      const c = text.charCodeAt(this.i);
      if (c === 10) this.line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  }

  /** A string token, decoded; JSON strings hold no raw line breaks. */
  string(): string {
    const { text } = this;
    const start = this.i++;
    while (text[this.i] !== '"') this.i += text[this.i] === "\\" ? 2 : 1;
    this.i++;
    return JSON.parse(text.slice(start, this.i)) as string;
  }

  /** Any value, not looked into: brackets counted, strings stepped over. */
  skip(): void {
    const { text } = this;
    let open = 0;
    do {
      this.space();
      const c = text[this.i];
      if (c === '"') this.string();
      else if (c === "{" || c === "[") (open++, this.i++);
      else if (c === "}" || c === "]") (open--, this.i++);
      else if (c === "," || c === ":") this.i++;
      else this.literal();
    } while (open > 0 && this.i < text.length);
  }

  /** A number, true, false or null. */
  literal(): void {
    const { text } = this;
    while (this.i < text.length && !/[\s,\]}]/.test(text[this.i]!)) this.i++;
  }

  value(path: Array<string | number>): void {
    this.space();
    const c = this.text[this.i];
    if ((c === "{" || c === "[") && path.length >= this.depth) return this.skip();
    if (c === "{") return this.object(path);
    if (c === "[") return this.array(path);
    if (c === '"') return void this.string();
    this.literal();
  }

  /** An object's members, each at the line of its key; a key written twice is a duplicate. */
  object(path: Array<string | number>): void {
    this.i++;
    const seen = new Map<string, number>();
    this.space();
    if (this.text[this.i] === "}") return void this.i++;
    for (;;) {
      this.space();
      const at = this.line;
      const key = this.string();
      const member = [...path, key];
      const first = seen.get(key);
      if (first !== undefined) this.duplicates.push({ path: member, line: at, first });
      else seen.set(key, at);
      this.space();
      this.i++; // ":"
      this.value(member);
      this.lines.set(pathKey(member), at);
      this.space();
      if (this.text[this.i++] !== ",") return;
    }
  }

  /** A list's entries, each at the line it starts on. */
  array(path: Array<string | number>): void {
    this.i++;
    this.space();
    if (this.text[this.i] === "]") return void this.i++;
    for (let index = 0; ; index++) {
      this.space();
      this.lines.set(pathKey([...path, index]), this.line);
      this.value([...path, index]);
      this.space();
      if (this.text[this.i++] !== ",") return;
    }
  }
}

/** The line of a character offset in a text (for JSON.parse's "at position 12"). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
