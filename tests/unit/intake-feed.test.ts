import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import { dryRunLines, entryFileName, readFeed, selectEntries, type FeedEntry } from "../../plugins/syndication/intake/intake-feed.js";
import { bodyDigest } from "../../plugins/syndication/reprint/digest.js";
import { fixture } from "../helpers.js";

const sample = (name: string) => readFileSync(join(fixture("intake"), name), "utf8");

/** The originals the test site reprints, with their files, read from the site's front matter. */
function siteReprints(): [string, string][] {
  const dir = join(fixture("intake-site"), "reprints");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => [matter(readFileSync(join(dir, f), "utf8")).data.syndication.originalUrl, `reprints/${f}`]);
}

describe("The Conversation's Atom feed (sample of ten entries)", async () => {
  const entries = await readFeed(sample("the-conversation-feed.atom"));
  const byId = (n: number) => entries.find((e) => e.id === `tag:theconversation.com,2011:article/${n}`)!;

  it("reads every entry, in the feed's order, each as a reprint of The Conversation that needs nothing more", () => {
    expect(entries.map((e) => e.id.replace(/^.*\//, ""))).toEqual(["1000110", "1000109", "1000108", "1000107", "1000106", "1000105", "1000104", "1000103", "1000102", "1000101"]);
    for (const entry of entries) {
      expect(entry.result.problems).toEqual([]);
      expect(entry.result.frontMatter.syndication.source).toBe("the-conversation");
    }
  });

  it("takes the link, headline, publication time as written, and authors with institutions from the entry", () => {
    const entry = byId(1000109);
    expect(entry.result.frontMatter).toEqual({
      title: "Sample: why libraries lend more than books",
      syndication: {
        source: "the-conversation",
        originalUrl: "https://theconversation.com/sample-why-libraries-lend-more-than-books-1000109",
        published: "2025-09-25T10:15:00Z",
        author: [
          { name: "Ben Placeholder", affiliation: "Institute of Fixtures" },
          { name: "Chloé Sample", affiliation: "Université de Sampleville" },
        ],
        pixel: "https://counter.theconversation.com/content/1000109/count.gif",
        digest: bodyDigest(entry.result.body),
      },
    });
    expect(byId(1000107).result.frontMatter.syndication.author).toEqual({ name: "Eva Placeholder", affiliation: "University of California, Santa Barbara" });
  });

  it("reads the content through the republish-box reader: links kept, counter out, disclosure kept", () => {
    const { body } = byId(1000110).result;
    expect(body).toContain("[a study](https://www.example.org/studies/1000110)");
    expect(body).toContain("[an earlier article](https://theconversation.com/sample-an-earlier-article-999110)");
    expect(body).not.toContain("count.gif");
    expect(body.trimEnd().endsWith("*The authors of this sample do not work for, consult, own shares in or receive funding from any company or organisation that would benefit from this article.*")).toBe(true);
  });

  it("skips the two entries the test site already reprints, and reports them", () => {
    const selection = selectEntries(entries, { reprinted: siteReprints() });
    expect(selection.write).toHaveLength(8);
    expect(selection.skip.map((s) => [s.entry.id.replace(/^.*\//, ""), s.reason])).toEqual([
      ["1000107", "already reprinted by reprints/dry-summer-soil.md"],
      ["1000103", "already reprinted by reprints/history-of-the-footnote.md"],
    ]);
  });

  it("compares originals as the lock does: the host's case and a #fragment do not count", () => {
    const selection = selectEntries(entries, { reprinted: [["https://TheConversation.com/sample-bees-and-the-city-1000102#comments", "reprints/bees.md"]] });
    expect(selection.skip.map((s) => s.reason)).toEqual(["already reprinted by reprints/bees.md"]);
  });

  it("keeps entries from --since on (a date is that whole day), and at most --limit of them, newest first as the feed lists them", () => {
    const selection = selectEntries(entries, { reprinted: siteReprints(), since: "2025-09-20", limit: 4 });
    expect(selection.write.map((e) => e.id.replace(/^.*\//, ""))).toEqual(["1000110", "1000109", "1000108", "1000106"]);
    expect(selection.skip.map((s) => [s.entry.id.replace(/^.*\//, ""), s.reason])).toEqual([
      ["1000107", "already reprinted by reprints/dry-summer-soil.md"],
      ["1000105", "is beyond --limit 4"],
      ["1000104", "is beyond --limit 4"],
      ["1000103", "already reprinted by reprints/history-of-the-footnote.md"],
      ["1000102", "was published 2025-09-18T13:10:00Z, before --since 2025-09-20"],
      ["1000101", "was published 2025-09-17T06:00:00Z, before --since 2025-09-20"],
    ]);
  });

  it("lists what a dry run would write, one line an entry", () => {
    const selection = selectEntries(entries, { reprinted: siteReprints(), limit: 7 });
    const lines = dryRunLines(entries, selection, (e) => `src/reprints/${entryFileName(e)}`);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe("write  src/reprints/sample-tide-gauges-keep-a-longer-record-than-we-thought-1000110.md  Sample: tide gauges keep a longer record than we thought");
    expect(lines[3]).toBe("skip   Sample: what a dry summer does to soil: already reprinted by reprints/dry-summer-soil.md");
    expect(lines[9]).toBe("skip   Sample: the first entry of a sample feed: is beyond --limit 7");
  });
});

describe("selectEntries", () => {
  const entry = (id: string, originalUrl?: string, published?: string, required = false): FeedEntry => ({
    id,
    result: {
      frontMatter: { title: id, syndication: { ...(originalUrl ? { originalUrl } : {}), ...(published ? { published } : {}), digest: "" } },
      body: "",
      problems: required ? [{ field: "syndication.pixel", flag: "--pixel", message: "", required: true }] : [],
      notes: [],
    },
  });

  it("skips an original the feed lists twice, and an entry without a date when --since asks", () => {
    const entries = [entry("a", "https://p.example/1", "2025-01-02"), entry("b", "https://P.example/1#x", "2025-01-03"), entry("c", "https://p.example/2")];
    const selection = selectEntries(entries, { since: "2025-01-01" });
    expect(selection.write.map((e) => e.id)).toEqual(["a"]);
    expect(selection.skip.map((s) => s.reason)).toEqual([
      "the feed lists https://P.example/1#x twice (first as a)",
      "has no date, so --since 2025-01-01 cannot tell whether it is new",
    ]);
  });

  it("compares --since with the instant an entry was published, in its own offset", () => {
    const entries = [entry("late", "https://p.example/1", "2025-01-01T00:30:00+01:00"), entry("in", "https://p.example/2", "2024-12-31T23:30:00-01:00")];
    expect(selectEntries(entries, { since: "2025-01-01" }).write.map((e) => e.id)).toEqual(["in"]);
  });

  it("says what an entry still needs in the dry run", () => {
    const entries = [entry("needs", "https://p.example/1", undefined, true)];
    expect(dryRunLines(entries, selectEntries(entries), () => "x.md")).toEqual(["write  x.md  needs  (not until it has --pixel)"]);
  });

  it("refuses a --since that is no date and a --limit that is no count, naming the flag", () => {
    expect(() => selectEntries([], { since: "last week" })).toThrow('--since "last week" is not a date; write it as 2025-06-01, or 2025-06-01T12:00:00Z');
    expect(() => selectEntries([], { limit: -1 })).toThrow("--limit -1 is not a number of entries; give a whole number such as 5");
  });
});

describe("an RSS 2.0 feed (sample)", async () => {
  const entries = await readFeed(sample("propublica-feed.rss"));

  it("reads content:encoded, dc:creator, and pubDate as ISO 8601 with its own offset", () => {
    expect(entries.map((e) => e.id)).toEqual(["sample-rss-2", "sample-rss-1"]);
    expect(entries[1]!.result.frontMatter.syndication).toMatchObject({
      source: "propublica",
      originalUrl: "https://www.propublica.org/article/sample-first-story-of-a-sample-rss-feed",
      published: "2024-03-04T23:30:00-08:00",
      author: "Alex Placeholder",
    });
    expect(entries[1]!.result.body).toBe("SAMPLE TEXT of the first story, written for this project's tests, with [a source](https://www.example.org/first-source).\n");
  });

  it("asks for the pixel ProPublica requires, which its feed does not carry", () => {
    expect(entries[0]!.result.problems.map((p) => [p.field, p.required])).toEqual([["syndication.pixel", true]]);
  });
});

describe("readFeed on what is not a feed", () => {
  it.each([["<html><body><p>A page</p></body></html>"], ["plain text"], [""]])("refuses %j, saying so", async (text) => {
    await expect(readFeed(text)).rejects.toThrow(/^not an Atom or RSS feed that can be read: /);
  });
});

describe("entryFileName", () => {
  const named = (originalUrl: string | undefined, title?: string) =>
    entryFileName({ id: "tag:x,2011:1", result: { frontMatter: { ...(title ? { title } : {}), syndication: { ...(originalUrl ? { originalUrl } : {}), digest: "" } }, body: "", problems: [], notes: [] } });
  it("takes the publisher's slug, then the headline", () => {
    expect(named("https://theconversation.com/a-story-about-bees-123")).toBe("a-story-about-bees-123.md");
    expect(named("https://www.rferl.org/a/putin-talks/31609362.html")).toBe("31609362.md");
    expect(named("https://example.org/", "Ça, c'est « l'été »!")).toBe("ca-c-est-l-ete.md");
    expect(named(undefined)).toBe("tag-x-2011-1.md");
    expect(named(`https://example.org/${"word-".repeat(40)}end`).length).toBeLessThanOrEqual(123);
  });
});
