import { describe, expect, it } from "vitest";
import { forget, parseLock, reconcile, serializeLock } from "../../plugins/syndication/reprint/lock.js";
import { jsonLines } from "../../plugins/syndication/util/json-lines.js";

/** The problems of a lock text, as report lines without the file: `line  field  message`. */
const problems = (text: string) => parseLock(text, "lock.json").problems.map((p) => `${p.line}  ${p.field}  ${p.message}`);
const fixes = (text: string) => parseLock(text, "lock.json").problems.map((p) => p.fix);

const entry = (fields: string) => `{\n  "version": 1,\n  "reprints": {\n    "https://wire.example.com/a": {\n${fields}\n    }\n  }\n}\n`;

describe("the lock file as input", () => {
  it("reads a lock the plugin wrote, and gives back the same text", () => {
    const text = serializeLock({ version: 1, reprints: { "https://wire.example.com/a": { url: "/reprints/a/", file: "src/reprints/a.md", previousUrls: ["/old/"] } } });
    const { lock, problems: found } = parseLock(text);
    expect(found).toEqual([]);
    expect(serializeLock(lock!)).toBe(text);
    // A byte-order mark that an editor added is no problem.
    expect(parseLock(`\uFEFF${text}`).problems).toEqual([]);
  });

  it("refuses addresses that would put a page outside the output folder, or a script in a link, at their lines", () => {
    const text = entry(
      [
        '      "url": "javascript:alert(document.domain)//",',
        '      "file": "src/reprints/a.md",',
        '      "previousUrls": [',
        '        "../src/reprints/a.md",',
        '        "/%2e%2e/eleventy.config.js/",',
        '        "/ok/",',
        "        7",
        "      ]",
      ].join("\n"),
    );
    expect(problems(text)).toEqual([
      '5  url  "javascript:alert(document.domain)//" is a full address with a scheme, not a path on this site',
      '8  previousUrls[0]  "../src/reprints/a.md" does not start with /',
      '9  previousUrls[1]  "/%2e%2e/eleventy.config.js/" has a "%2e%2e" segment, which would lead out of the page\'s folder',
      "11  previousUrls[3]  is 7, not a path",
    ]);
    expect(parseLock(text).lock).toBeUndefined();
    expect(fixes(text)[0]).toContain("such as /reprints/old-name/");
  });

  it("refuses a lock of the wrong shape, naming what it is", () => {
    expect(problems("[]")).toEqual(['1  lock  is a list, not a lock ({ "version": 1, "reprints": { … } })']);
    expect(problems('{ "version": 1, "reprints": [] }')).toEqual(["1  reprints  is a list, not an object of entries keyed by original URL"]);
    expect(problems('{\n  "reprints": {}\n}')).toEqual(["1  version  is missing"]);
    expect(problems('{\n  "version": 2,\n  "reprints": {}\n}')).toEqual(["2  version  is 2, a version this plugin does not read"]);
    expect(fixes('{\n  "version": 2,\n  "reprints": {}\n}')).toEqual(["a newer version of the plugin wrote it: upgrade eleventy-plugin-syndication"]);
    expect(problems('{\n  "version": 1,\n  "reprints": {},\n  "extra": true\n}')).toEqual(["4  extra  is not a field of the lock"]);
    expect(problems(entry('      "url": "/a/"'))).toEqual(["4  file  is missing"]);
    expect(problems(entry('      "url": "/a/",\n      "file": "a.md",\n      "previousUrls": "/old/"'))).toEqual(['7  previousUrls  is "/old/", not a list of paths']);
    expect(problems(entry('      "url": "/a/",\n      "file": "a.md",\n      "note": "x"'))).toEqual(["7  note  is not a field of an entry"]);
    expect(problems('{ "version": 1, "reprints": { "https://w.example/a": "/a/" } }')).toEqual([
      '1  reprints  has "/a/" for "https://w.example/a", not an entry ({ "url", "file" })',
    ]);
  });

  it("refuses prototype keys, which JSON.parse makes own keys and a plain object would swallow", () => {
    const text = '{\n  "version": 1,\n  "reprints": {\n    "__proto__": { "url": "/x/", "file": "x.md" },\n    "https://w.example/a": { "url": "/a/", "file": "a.md", "__proto__": {} }\n  }\n}';
    expect(problems(text)).toEqual([
      '4  reprints  has the key "__proto__", which is a name JavaScript reserves, and not the address of an original article',
      "5  __proto__  is a name JavaScript reserves, not a field of an entry",
    ]);
    expect(problems('{\n  "__proto__": {},\n  "version": 1,\n  "reprints": {}\n}')).toEqual(["2  __proto__  is a name JavaScript reserves, not a field of the lock"]);
    expect(problems('{ "version": 1, "reprints": { "constructor": { "url": "/x/", "file": "x.md" } } }')).toEqual([
      '1  reprints  has the key "constructor", which is not the address of an original article',
    ]);
  });

  it("finds keys written twice, which JSON.parse would drop silently, and one original spelt two ways", () => {
    const text = [
      "{",
      '  "version": 1,',
      '  "reprints": {',
      '    "https://w.example/a": { "url": "/a/", "file": "a.md" },',
      '    "https://w.example/b": { "url": "/b/", "file": "b.md", "url": "/b2/" },',
      '    "https://w.example/a": { "url": "/a2/", "file": "a.md" },',
      '    "https://W.EXAMPLE/b#top": { "url": "/b/", "file": "b.md" }',
      "  }",
      "}",
    ].join("\n");
    expect(problems(text)).toEqual([
      "5  url  is written twice (also at line 5), and only the last would be kept",
      "6  reprints  is written twice (also at line 4), and only the last would be kept",
      '7  reprints  has "https://W.EXAMPLE/b#top", the same original as the entry at line 5',
    ]);
    expect(fixes(text)[1]).toContain("merge the two into one");
  });

  it("says where the JSON breaks, and recognises an unresolved merge", () => {
    expect(problems('{\n  "version": 1,\n  "reprints": {,}\n}')).toEqual([expect.stringMatching(/^3  lock  is not valid JSON \(.+\)$/)]);
    expect(problems("")).toEqual(["1  lock  is empty"]);
    expect(problems("  \n")).toEqual(["1  lock  is empty"]);
    const merged = '{\n  "version": 1,\n  "reprints": {\n<<<<<<< HEAD\n    "https://w.example/a": { "url": "/a/", "file": "a.md" }\n=======\n    "https://w.example/b": { "url": "/b/", "file": "b.md" }\n>>>>>>> branch\n  }\n}';
    expect(problems(merged)).toEqual(["4  lock  has the marks of an unresolved merge (<<<<<<< … >>>>>>>)"]);
  });

  it("looks into a deeply nested text without running out of stack", () => {
    const deep = `{ "version": 1, "reprints": ${"[".repeat(100_000)}${"]".repeat(100_000)} }`;
    expect(problems(deep)).toEqual(["1  reprints  is a list, not an object of entries keyed by original URL"]);
    expect(jsonLines(deep).line(["reprints"])).toBe(1);
  });
});

describe("forget", () => {
  const lock = {
    version: 1 as const,
    reprints: {
      "https://w.example/a": { url: "/reprints/a/", file: "src/reprints/a.md" },
      "https://w.example/b": { url: "/reprints/b/", file: "src/reprints/b.md", previousUrls: ["/old-b/"] },
    },
  };

  it("drops entries named by address, original URL (however spelt) or file, and nothing else", () => {
    expect(Object.keys(forget(lock, ["/reprints/a/"]).next.reprints)).toEqual(["https://w.example/b"]);
    expect(Object.keys(forget(lock, ["HTTPS://W.example/a#x"]).next.reprints)).toEqual(["https://w.example/b"]);
    const both = forget(lock, ["./src/reprints/a.md", "src/reprints/b.md"]);
    expect(both.next.reprints).toEqual({});
    expect(both.dropped.map((d) => d.original)).toEqual(["https://w.example/a", "https://w.example/b"]);
    expect(forget(lock, ["/old-b/", "/nope/"]).unmatched).toEqual(["/old-b/", "/nope/"]);
    // The lock given is not changed.
    expect(Object.keys(lock.reprints)).toHaveLength(2);
  });

  it("lets the next build record a forgotten reprint as new, where it then is", () => {
    const moved = { originalUrl: "https://w.example/a", url: "/reprints/a-renamed/", file: "src/reprints/a.md", declaredMoves: [] };
    expect(reconcile(lock, [moved], ["https://w.example/b"]).problems.map((p) => p.field)).toEqual(["permalink"]);
    const after = reconcile(forget(lock, ["/reprints/a/"]).next, [moved], ["https://w.example/b"]);
    expect(after.problems).toEqual([]);
    expect(after.changes).toEqual(["added /reprints/a-renamed/ (src/reprints/a.md)"]);
  });
});
