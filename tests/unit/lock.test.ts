import { describe, expect, it } from "vitest";
import { parseLock, reconcile, serializeLock, EMPTY_LOCK } from "../../plugins/syndication/reprint/lock.js";

const a = { originalUrl: "https://o/a", url: "/r/a/", file: "src/r/a.md", declaredMoves: [] as string[] };

describe("reconcile", () => {
  it("adds new reprints and keeps known ones", () => {
    const first = reconcile(EMPTY_LOCK, [a]);
    expect(first.changes).toEqual(["added /r/a/ (src/r/a.md)"]);
    expect(first.next.reprints).toEqual({ "https://o/a": { url: "/r/a/", file: "src/r/a.md" } });
    const second = reconcile(first.next, [a]);
    expect(second.changes).toEqual([]);
    expect(second.problems).toEqual([]);
  });

  it("records a declared move with a redirect, and keeps the redirect after the declaration is gone", () => {
    const lock = { version: 1 as const, reprints: { "https://o/a": { url: "/r/old/", file: "src/r/a.md" } } };
    const moved = reconcile(lock, [{ ...a, declaredMoves: ["/r/old/"] }]);
    expect(moved.problems).toEqual([]);
    expect(moved.redirects).toEqual([{ from: "/r/old/", to: "/r/a/" }]);
    expect(moved.next.reprints["https://o/a"]).toEqual({ url: "/r/a/", file: "src/r/a.md", previousUrls: ["/r/old/"] });
    expect(reconcile(moved.next, [a]).redirects).toEqual([{ from: "/r/old/", to: "/r/a/" }]);
  });

  it("refuses an undeclared move and a lost reprint, keeping their entries", () => {
    const lock = {
      version: 1 as const,
      reprints: { "https://o/a": { url: "/r/old/", file: "src/r/a.md" }, "https://o/b": { url: "/r/b/", file: "src/r/b.md" } },
    };
    const result = reconcile(lock, [a]);
    expect(result.problems.map((p) => `${p.file} ${p.field}`)).toEqual(["src/r/a.md permalink", "src/r/b.md syndication"]);
    expect(result.next.reprints["https://o/b"]).toEqual({ url: "/r/b/", file: "src/r/b.md" });
  });

  it("re-keys an entry whose original URL was corrected, recognising it by its file and address", () => {
    const lock = { version: 1 as const, reprints: { "https://o/typo": { url: "/r/a/", file: "src/r/a.md" } } };
    const result = reconcile(lock, [a]);
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual(["original of /r/a/ is now https://o/a (was https://o/typo)"]);
    expect(Object.keys(result.next.reprints)).toEqual(["https://o/a"]);
  });

  it("takes two spellings of one original (host case, a #fragment) as one", () => {
    const lock = { version: 1 as const, reprints: { "HTTPS://O/a#top": { url: "/r/a/", file: "src/r/a.md" } } };
    expect(reconcile(lock, [a]).problems).toEqual([]);
  });

  it("keeps entries of reprints that exist but have no address to check", () => {
    const lock = { version: 1 as const, reprints: { "https://o/b": { url: "/r/b/", file: "src/r/b.md" } } };
    expect(reconcile(lock, [], ["https://o/b"]).problems).toEqual([]);
  });
});

describe("the lock file", () => {
  it("is sorted and stable", () => {
    const lock = {
      version: 1 as const,
      reprints: {
        "https://o/z": { url: "/z/", file: "z.md", previousUrls: ["/y/", "/x/", "/y/"] },
        "https://o/a": { url: "/a/", file: "a.md" },
      },
    };
    const text = serializeLock(lock);
    expect(Object.keys(JSON.parse(text).reprints)).toEqual(["https://o/a", "https://o/z"]);
    expect(JSON.parse(text).reprints["https://o/z"].previousUrls).toEqual(["/x/", "/y/"]);
    expect(serializeLock(parseLock(text).lock!)).toBe(text);
  });
});
