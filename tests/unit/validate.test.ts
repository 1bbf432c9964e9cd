import { describe, expect, it } from "vitest";
import { normalise } from "../../plugins/syndication/rules/normalise.js";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";

const options = resolveOptions({
  sources: {
    rferl: { name: "Radio Free Europe/Radio Liberty", url: "https://www.rferl.org/", licence: "permission", copyright: "(c) RFE/RL", indexing: "noindex" },
  },
  now: () => new Date("2025-01-01T00:00:00Z"),
});
const valid = { source: "Example Wire", originalUrl: "https://wire.example.com/1", licence: "permission" };
// Each problem by its rule, field, message and fix.
const problems = (value: unknown) => normalise(value, {}, options).problems.map(({ rule, field, message, fix }) => ({ rule, field, message, fix }));

describe("normalise", () => {
  it("normalises a minimal reprint", () => {
    const { reprint, problems } = normalise(valid, { title: "T" }, options);
    expect(problems).toEqual([]);
    expect(reprint).toMatchObject({
      source: { name: "Example Wire" },
      originalUrl: "https://wire.example.com/1",
      licence: { kind: "permission" },
      authors: [],
      withdrawn: false,
      status: "live",
      indexing: "canonical",
      title: "T",
    });
    expect(reprint!.banner.text).toBe("This article was originally published by Example Wire and is reprinted with permission.");
  });

  it("fills a registered source's name, home page, licence, copyright and indexing; the page wins", () => {
    const fromRegistry = normalise({ source: "rferl", originalUrl: "https://www.rferl.org/a/1.html" }, {}, options).reprint!;
    expect(fromRegistry.source).toEqual({ key: "rferl", name: "Radio Free Europe/Radio Liberty", url: "https://www.rferl.org/" });
    expect(fromRegistry.licence.kind).toBe("permission");
    expect(fromRegistry.copyright).toBe("(c) RFE/RL");
    expect(fromRegistry.indexing).toBe("noindex");
    const overridden = normalise(
      { source: "rferl", originalUrl: "https://www.rferl.org/a/1.html", licence: "CC-BY-4.0", copyright: "mine", indexing: "both", sourceUrl: "https://en.rferl.org/" },
      {},
      options,
    ).reprint!;
    expect(overridden.licence.id).toBe("CC-BY-4.0");
    expect(overridden.copyright).toBe("mine");
    expect(overridden.indexing).toBe("both");
    expect(overridden.source.url).toBe("https://en.rferl.org/");
  });

  it("lets a reprint be shown through the whole day its expires date names (UTC)", () => {
    const at = (now: string) => normalise({ ...valid, expires: "2025-01-01" }, {}, resolveOptions({ now: () => new Date(now) })).reprint!.status;
    expect(at("2025-01-01T23:59:59Z")).toBe("live");
    expect(at("2025-01-02T00:00:00Z")).toBe("expired");
    const timed = (now: string) =>
      normalise({ ...valid, expires: "2025-01-01T12:00:00Z" }, {}, resolveOptions({ now: () => new Date(now) })).reprint!.status;
    expect(timed("2025-01-01T11:59:59Z")).toBe("live");
    expect(timed("2025-01-01T12:00:00Z")).toBe("expired");
  });

  it("derives the status from withdrawn and expires", () => {
    expect(normalise({ ...valid, withdrawn: true }, {}, options).reprint!.status).toBe("withdrawn");
    expect(normalise({ ...valid, expires: "2024-12-31" }, {}, options).reprint!.status).toBe("expired");
    expect(normalise({ ...valid, expires: "2025-01-02" }, {}, options).reprint!.status).toBe("live");
  });

  it("lists authors from text or a list", () => {
    expect(normalise({ ...valid, author: "A" }, {}, options).reprint!.authors).toEqual([{ name: "A" }]);
    expect(normalise({ ...valid, author: ["A", " B "] }, {}, options).reprint!.authors).toEqual([{ name: "A" }, { name: "B" }]);
  });

  it("reports a missing or wrong-typed syndication block", () => {
    expect(problems(undefined)).toEqual([
      { rule: "syndication-object", field: "syndication", message: "is missing", fix: "add a syndication: block with source, originalUrl and licence" },
    ]);
    expect(problems("RFE/RL")[0]!.message).toBe("must be an object of fields, not text");
    expect(problems([])[0]!.message).toBe("must be an object of fields, not a list");
  });

  it("reports every problem at once, each naming its field", () => {
    const found = problems({ source: 5, originalUrl: "nope", licence: "GPL-3.0", author: [], published: "2021-02-30", copyright: "" });
    expect(found.map((p) => `${p.field}: ${p.message}`)).toEqual([
      "syndication.source: must be text, not a number",
      "syndication.author: is an empty list",
      "syndication.copyright: is empty",
      'syndication.originalUrl: "nope" is not an absolute address',
      'syndication.licence: "GPL-3.0" is not a licence this plugin knows',
      'syndication.published: "2021-02-30" is not a valid date',
    ]);
  });

  it("suggests the field an unknown key was meant to be", () => {
    expect(problems({ ...valid, orignalUrl: "x", lisence: "y", colour: "z" })).toEqual([
      { rule: "field-known", field: "syndication.orignalUrl", message: "is not a field this plugin knows, so it would be ignored", fix: 'did you mean "originalUrl"?' },
      { rule: "field-known", field: "syndication.lisence", message: "is not a field this plugin knows, so it would be ignored", fix: 'did you mean "licence"?' },
      {
        rule: "field-known",
        field: "syndication.colour",
        message: "is not a field this plugin knows, so it would be ignored",
        fix: expect.stringMatching(/^remove it, or use one of source, originalUrl, licence/),
      },
    ]);
  });

  it("accepts license as an alias, and refuses the two when they differ", () => {
    expect(normalise({ source: "S", originalUrl: "https://e.com/", license: "CC-BY-4.0" }, {}, options).reprint!.licence.id).toBe("CC-BY-4.0");
    expect(problems({ ...valid, license: "permission" })).toEqual([]);
    expect(problems({ ...valid, licence: "cc-by-4.0", license: "CC-BY-4.0" })).toEqual([]);
    expect(problems({ ...valid, licence: { name: "W", url: "https://w.example/" }, license: { url: "https://w.example/", name: "W" } })).toEqual([]);
    expect(problems({ ...valid, license: "public-domain" })[0]).toEqual({
      rule: "licence-alias",
      field: "syndication.license",
      message: 'says "public-domain" but licence says "permission"',
      fix: "keep one of licence or license (they are the same field)",
    });
    expect(problems({ ...valid, licence: { name: "W" }, license: "permission" })[0]!.message).toBe(
      'says "permission" but licence says {"name":"W"}',
    );
  });

  it("knows the names editors reach for", () => {
    expect(problems({ ...valid, publisher: "x", url: "y", date: "z" }).map((p) => `${p.field} ${p.fix}`)).toEqual([
      'syndication.publisher did you mean "source"?',
      'syndication.url did you mean "originalUrl"?',
      'syndication.date did you mean "published"?',
    ]);
  });

  it("refuses an expiry before the original date", () => {
    expect(problems({ ...valid, published: "2021-12-14", expires: "2021-12-01" })).toEqual([
      { rule: "expires-after-published", field: "syndication.expires", message: "(2021-12-01) is before the original publication date (2021-12-14)", fix: "check both dates" },
    ]);
  });

  it("trusts the date as written over the date YAML rolled over", () => {
    const rolled = new Date(Date.UTC(2021, 12, 45)); // what YAML makes of 2021-13-45
    const found = normalise({ ...valid, published: rolled }, { written: new Map([["published", "2021-13-45"]]) }, options).problems;
    expect(found).toEqual([expect.objectContaining({ field: "syndication.published", message: '"2021-13-45" is not a valid date' })]);
  });

  it("gives the original URL for uniqueness checks even when another field is broken", () => {
    expect(normalise({ ...valid, licence: "nope" }, {}, options).originalUrl).toBe("https://wire.example.com/1");
    expect(normalise({ ...valid, originalUrl: "nope" }, {}, options).originalUrl).toBeUndefined();
  });
});
