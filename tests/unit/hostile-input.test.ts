import { describe, expect, it } from "vitest";
import { normalise } from "../../plugins/syndication/rules/normalise.js";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";
import { quote } from "../../plugins/syndication/util/text.js";
import { fillTemplate } from "../../plugins/syndication/render/banner.js";

// Regressions for what the property tests (tests/property/) found in the validator.
const options = resolveOptions({ now: () => new Date("2025-01-01T00:00:00Z") });
const valid = { source: "Example Wire", originalUrl: "https://wire.example.com/1", licence: "permission" };
// Each problem by its rule, field, message and fix.
const problems = (value: unknown) => normalise(value, {}, options).problems.map(({ rule, field, message, fix }) => ({ rule, field, message, fix }));

describe("hostile and odd syndication data", () => {
  it("does not suggest Object's own properties for keys named like them", () => {
    for (const key of ["constructor", "__proto__", "toString"]) {
      const value: Record<string, unknown> = { ...valid };
      Object.defineProperty(value, key, { value: 1, enumerable: true });
      expect(problems(value)).toEqual([
        {
          rule: "field-known",
          field: `syndication.${key}`,
          message: "is not a field this plugin knows, so it would be ignored",
          fix: expect.stringMatching(/^remove it, or use one of source, originalUrl/),
        },
      ]);
    }
  });

  it("compares licence and license that JSON cannot write (BigInt from a JavaScript data file) without throwing", () => {
    expect(problems({ ...valid, licence: [1n], license: "permission" })).toEqual([
      expect.objectContaining({ rule: "licence-alias", field: "syndication.license", message: 'says "permission" but licence says ["1n"]' }),
    ]);
  });

  it("quotes a value on one line, with line breaks and direction overrides escaped", () => {
    expect(problems({ ...valid, licence: "CC-BY\n4.0" })[0]!.message).toBe('"CC-BY\\n4.0" is not a licence this plugin knows');
    expect(problems({ ...valid, published: "2021\u202e-12-14" })[0]!.message).toBe('"2021\\u202E-12-14" is not a valid date');
    expect(problems({ ...valid, previousUrls: ["/a\u2028b/"] })[0]!.message).toBe('"/a\\u2028b/" contains a space or line break');
  });

  it("cuts a long value short in a message", () => {
    const [problem] = problems({ ...valid, published: "x".repeat(100_000) });
    expect(problem!.message).toBe(`"${"x".repeat(59)}…" is not a valid date`);
  });

  it("names a key that is not a plain name in quotes, so the report stays one line a problem", () => {
    expect(problems({ ...valid, "a\nb": 1 })[0]!.field).toBe('syndication."a\\nb"');
    expect(problems({ ...valid, "orignal url": 1 })[0]!.field).toBe('syndication."orignal url"');
  });

  it("describes values JSON cannot show by their kind", () => {
    expect(problems({ ...valid, indexing: new Set(["noindex"]) })[0]!.message).toBe("a Set is not allowed");
    expect(quote(new Map())).toBe("a Map");
    expect(quote(() => 1)).toBe("a function");
    expect(quote(Object.create(null))).toBe("{}");
    expect(quote(new Date(Date.UTC(2021, 11, 14)))).toBe('"2021-12-14T00:00:00.000Z"');
    expect(quote(new (class Licence {})())).toBe("a Licence");
  });

  it("refuses text that a web page cannot carry: control characters and noncharacters", () => {
    expect(problems({ ...valid, source: "Example\u0007Wire" })).toEqual([
      {
        rule: "text-printable",
        field: "syndication.source",
        message: "contains a control character or noncharacter (U+0007), which a web page cannot show",
        fix: "delete it (it is often invisible: retype the text around it)",
      },
    ]);
    expect(problems({ ...valid, author: ["A", "B\u0000"] }).map((p) => p.field)).toEqual(["syndication.author"]);
    expect(problems({ ...valid, copyright: "\ufffe" }).map((p) => p.field)).toEqual(["syndication.copyright"]);
    expect(problems({ ...valid, licence: { name: "L\u001b[31m" } }).map((p) => p.field)).toEqual(["syndication.licence"]);
    expect(problems({ ...valid, withdrawn: { note: "gone\u0085" } }).map((p) => p.field)).toEqual(["syndication.withdrawn.note"]);
    expect(problems({ ...valid, author: [, "A"] }).map((p) => p.field)).toEqual(["syndication.author"]);
  });

  it("keeps right-to-left text and marks, tabs and line breaks, which pages can show", () => {
    const { reprint } = normalise({ ...valid, source: "\u200fإذاعة أوروبا الحرة", copyright: "a\tb\r\nc" }, {}, options);
    expect(reprint?.source.name).toBe("\u200fإذاعة أوروبا الحرة");
  });

  it("keeps no-break and ideographic spaces in the banner's text form, as readers see them in the banner", () => {
    const { reprint } = normalise({ ...valid, source: "Radio\u00a0Free Europe\u3000RFE" }, {}, options);
    expect(reprint!.banner.text).toBe("This article was originally published by Radio\u00a0Free Europe\u3000RFE and is reprinted with permission.");
    // Template line breaks and indentation still fold into single spaces.
    expect(fillTemplate("\n  A {x}\n\tB  ", { x: { html: "x", text: "x" } }).text).toBe("A x B");
  });
});
