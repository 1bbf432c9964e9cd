import fc from "fast-check";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { normalise, type PageFacts as PageContext } from "../../plugins/syndication/rules/normalise.js";
import { FIELD_NAMES as KNOWN_FIELDS } from "../../plugins/syndication/reprint/fields.js";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";
import { checkUrl } from "../../plugins/syndication/reprint/url.js";
import { keyName } from "../../plugins/syndication/util/text.js";
import { anyUrlText, nameText, nastyText, validSyndication } from "./arbitraries.js";
import { params } from "./settings.js";

const options = resolveOptions({
  sources: { rferl: { name: "Radio Free Europe/Radio Liberty", url: "https://www.rferl.org/", licence: "permission", expiresAfter: "P1Y" } },
  locales: { fr: { permission: "Publié d'abord par {source}[[ le {published}]]." } },
  now: () => new Date("2025-01-01T00:00:00Z"),
});

/** Keys an editor (or a hostile data file) might write: known, misspelt, inherited from Object, odd. */
const KEY = fc.oneof(
  fc.constantFrom(
    ...KNOWN_FIELDS, "orignalUrl", "url", "publisher", "date", "Source", "source ", "", " ", "constructor", "__proto__",
    "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "a\nb", "licence\u0000", "лицензия", "\u202eecruos",
  ),
  fc.string({ maxLength: 8 }),
);

/** Anything JavaScript data files could hand over, up to nested lists and objects. */
const wild = fc.anything({
  maxDepth: 2,
  maxKeys: 4,
  key: KEY,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

const huge = fc.constantFrom("x".repeat(100_000), "<".repeat(20_000), "\u202e".repeat(5_000), "https://e.example/" + "a".repeat(50_000));

/** What YAML and JSON give for dates: Date objects (also invalid ones), ISO text in many forms, numbers. */
const dateValue = fc.oneof(
  fc.date(),
  fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }))
    .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.constantFrom("2021-12-14", "2021-12-14T10:00:00+05:30", "2021-12-14 10:00:00", "2021-02-30", "2021-13-45", "next week", "", "2021-12-14T25:00"),
  fc.integer(),
);

const plausible: Record<string, fc.Arbitrary<unknown>> = {
  source: fc.oneof(nastyText(), fc.constantFrom("Example Wire", "rferl", "the-conversation", "propublica", "voa", "  ")),
  originalUrl: fc.oneof(anyUrlText, fc.webUrl()),
  licence: fc.oneof(
    fc.constantFrom("permission", "public-domain", "CC-BY-4.0", "cc-by-nd-4.0", "CC0-1.0", "CC-BY-4", "GPL-3.0", "", "CC-BY-4.0\n"),
    fc.record({ name: nastyText(), url: fc.oneof(anyUrlText, fc.constant(undefined)) }, { requiredKeys: ["name"] }),
    nastyText(),
  ),
  license: fc.constantFrom("permission", "CC-BY-4.0", "public-domain"),
  published: dateValue,
  expires: dateValue,
  author: fc.oneof(
    nastyText(),
    fc.record({ name: nastyText(), affiliation: nastyText() }, { requiredKeys: [] }),
    fc.array(fc.oneof(nastyText(), fc.record({ name: nastyText(), affiliation: nastyText() }, { requiredKeys: ["name"] })), { maxLength: 3 }),
  ),
  excerpt: fc.oneof(fc.boolean(), fc.constantFrom("true", "yes", 1)),
  changes: nastyText(),
  digest: fc.oneof(fc.constantFrom("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "sha256-", "md5-x"), nastyText()),
  pixel: fc.oneof(anyUrlText, fc.webUrl()),
  sourceUrl: anyUrlText,
  copyright: nastyText(40),
  withdrawn: fc.oneof(fc.boolean(), fc.record({ date: dateValue, note: nastyText() }, { requiredKeys: [] })),
  indexing: fc.constantFrom("canonical", "noindex", "both", "none", ""),
  previousUrls: fc.array(fc.oneof(fc.webPath(), nastyText()), { maxLength: 3 }),
};

/** One field's value: usually one of the right kind, sometimes anything at all. */
const fieldValue = (key: string) =>
  fc.oneof({ weight: 6, arbitrary: plausible[key] ?? wild }, { weight: 2, arbitrary: wild }, { weight: 1, arbitrary: nastyText() }, { weight: 1, arbitrary: huge });

const syndicationObject = fc
  .tuple(
    fc.record(Object.fromEntries(KNOWN_FIELDS.map((k) => [k, fieldValue(k)])), { requiredKeys: [] }),
    fc.array(fc.tuple(KEY, wild), { maxLength: 2 }),
  )
  .map(([known, extra]) => {
    const value: Record<string, unknown> = { ...known };
    // defineProperty, so that "__proto__" is an own key, as JSON.parse and YAML make it.
    for (const [k, v] of extra) Object.defineProperty(value, k, { value: v, enumerable: true, configurable: true, writable: true });
    return value;
  });

/** A valid block with one field made hostile. */
const oneFieldWrong = fc
  .tuple(validSyndication, fc.constantFrom(...KNOWN_FIELDS).chain((key) => fc.tuple(fc.constant(key), fieldValue(key))))
  .map(([valid, [key, value]]) => ({ ...valid, [key]: value }));

const anySyndication = fc.oneof(
  { weight: 3, arbitrary: validSyndication },
  { weight: 3, arbitrary: oneFieldWrong },
  { weight: 3, arbitrary: syndicationObject },
  { weight: 1, arbitrary: wild }, { weight: 1, arbitrary: fc.constantFrom(undefined, null) });

const pageContext: fc.Arbitrary<PageContext> = fc.record(
  {
    title: fc.oneof(nastyText(), wild),
    lang: fc.constantFrom("fr", "fr-CA", "en", "", undefined, 5),
    written: fc.constantFrom(undefined, new Map([["published", "2021-13-45"]]), new Map([["expires", "2021-12-14 10:00:00 +5"]])),
    body: fc.oneof(fc.constant(""), nastyText(), huge),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<PageContext>;

const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

describe("normalise, for any syndication value", () => {
  it("returns normalised data or a list of problems, and never throws", () => {
    let valid = 0;
    fc.assert(
      fc.property(anySyndication, pageContext, (value, page) => {
        const result = normalise(value, page, options);
        if (result.reprint) {
          valid += 1;
          expect(result.problems).toEqual([]);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
        }
      }),
      params(),
    );
    // Enough cases are valid that the properties of valid data below are tested too.
    expect(valid).toBeGreaterThan(0);
  });

  it("names a field in every problem, and says what is wrong and how to fix it, on one line", () => {
    fc.assert(
      fc.property(anySyndication, pageContext, (value, page) => {
        const keys = value !== null && typeof value === "object" ? Object.keys(value) : [];
        for (const problem of normalise(value, page, options).problems) {
          expect(problem.field).toMatch(/^syndication(\.|$)/);
          const first = problem.field === "syndication" ? undefined : problem.field.slice("syndication.".length);
          if (first !== undefined) {
            const named = [...KNOWN_FIELDS, ...keys].some((k) => first === k || first.startsWith(`${k}.`) || first.startsWith(keyName(k)));
            expect(named, problem.field).toBe(true);
          }
          for (const text of [problem.field, problem.message, problem.fix]) {
            expect(typeof text).toBe("string");
            expect(text, JSON.stringify(problem)).not.toMatch(LINE_BREAK);
            expect(text).not.toMatch(/\[object |native code/);
          }
          expect(problem.message.trim()).not.toBe("");
          expect(problem.fix.trim()).not.toBe("");
          // A report line stays readable, however long the value it quotes.
          expect(problem.field.length + problem.message.length + problem.fix.length).toBeLessThan(600);
        }
      }),
      params(),
    );
  });

  it("passes only data whose addresses pass the URL check, with no blank names", () => {
    fc.assert(
      fc.property(anySyndication, pageContext, (value, page) => {
        const { reprint } = normalise(value, page, options);
        if (!reprint) return;
        expect(checkUrl(reprint.originalUrl)).toBeUndefined();
        if (reprint.source.url !== undefined) expect(checkUrl(reprint.source.url)).toBeUndefined();
        // Every address the plugin publishes: the licence's own (a custom one's too), the pixel,
        // and every link and image of the banner, the notice and the closing link.
        if (reprint.licence.url !== undefined) expect(checkUrl(reprint.licence.url)).toBeUndefined();
        if (reprint.pixel) expect(checkUrl(reprint.pixel.url)).toBeUndefined();
        for (const html of [reprint.banner.html, reprint.tombstone?.html, reprint.readMore?.html, reprint.pixel?.html]) {
          if (html === undefined) continue;
          const $ = cheerio.load(html, null, false);
          for (const el of $("[href], [src]").toArray()) expect(checkUrl($(el).attr("href") ?? $(el).attr("src")!), html).toBeUndefined();
        }
        expect(reprint.source.name.trim()).toBe(reprint.source.name);
        expect(reprint.source.name).not.toBe("");
        for (const author of reprint.authors) {
          expect(author.name.trim()).not.toBe("");
          if (author.affiliation !== undefined) expect(author.affiliation.trim()).not.toBe("");
        }
        expect(reprint.banner.text).not.toBe("");
      }),
      params(),
    );
  });
});

describe("a licence's own address, for any text", () => {
  it("is held to the address rules, as every address the plugin publishes is", () => {
    let refused = 0;
    fc.assert(
      fc.property(validSyndication, nameText(), anyUrlText, (value, name, url) => {
        const licence = { name: `Licence ${name}`, url };
        const { reprint, problems } = normalise({ ...value, licence }, {}, options);
        const bad = checkUrl(url.trim());
        const licenceProblems = problems.filter((p) => p.field === "syndication.licence");
        if (bad) {
          refused += 1;
          expect(licenceProblems.map(({ rule, field, message, fix }) => ({ rule, field, message, fix }))).toEqual([
            { rule: "licence-known", field: "syndication.licence", message: `has a url that ${bad.message}`, fix: bad.fix },
          ]);
        } else if (reprint) {
          expect(reprint.licence.url).toBe(url.trim());
        }
      }),
      params(),
    );
    expect(refused).toBeGreaterThan(0);
  });
});
