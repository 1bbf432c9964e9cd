import fc from "fast-check";
import Eleventy from "@11ty/eleventy";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addressSlug, reprintPermalink } from "../../plugins/syndication/reprint/permalink.js";
import { NASTY_PIECES } from "./arbitraries.js";
import { params } from "./settings.js";

/** Eleventy's own `slugify` filter, as a site's config has it. */
let eleventySlugify: (text: string) => string;
beforeAll(async () => {
  let config: any;
  const elev = new Eleventy(mkdtempSync(join(tmpdir(), "syndication-slug-")), undefined, {
    quietMode: true,
    configPath: false,
    config(eleventyConfig: any) {
      config = eleventyConfig;
    },
  });
  await elev.init();
  eleventySlugify = config.getFilter("slugify");
});

/**
 * What a file's base name can be: pieces that have broken addresses and HTML (`#`, `?`, `%`,
 * spaces, dots, control and direction characters, other scripts), and any code points. A file
 * name cannot hold "/" or NUL.
 */
const FILE_PIECES = [...NASTY_PIECES, "#", "?", "%", ".", "..", " ", "~", "_", "issue", "Путин", "東京", "Ελλάδα", "Straße", "A", "Z", "9"];
const fileName = fc
  .oneof(
    { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...FILE_PIECES), minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 16 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", "T", "s", "t", "'", "^", "`", "&", " ", "-", "\\", "\t", "\u000b", "3"), minLength: 1, maxLength: 10 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }) },
  )
  .filter((name) => !/[/\u0000]/.test(name));

const prefix = fc.constantFrom("/reprints/", "/r/", "/news/reprints/");
const published = fc.constantFrom(undefined, "2021-12-14", "2021-12-31T23:30:00-05:00", new Date(Date.UTC(2020, 1, 29)));

/** Characters of an address a browser sends as written: RFC 3986's unreserved characters and "/". */
const CARRIED_AS_IS = /^[A-Za-z0-9._~\/-]+$/;

describe("a reprint's address from its file name, for any file name", () => {
  it("is made only of characters a URL path carries as they are, or is refused", () => {
    fc.assert(
      fc.property(prefix, published, fileName, (start, date, name) => {
        const address = reprintPermalink(start, date, name);
        if (address === undefined) return;
        expect(address).toMatch(CARRIED_AS_IS);
        expect(address.startsWith(start) && address.endsWith("/")).toBe(true);
        // The browser asks for exactly this path: nothing is encoded, nothing resolves elsewhere.
        expect(new URL(address, "https://site.example/").pathname).toBe(address);
        // One segment for the file, after the prefix and the date's folders: never "." or "..".
        const segments = address.slice(start.length, -1).split("/");
        expect(segments.length).toBe(date === undefined ? 1 : 3);
        for (const segment of segments) expect(segment).not.toMatch(/^\.*$/);
      }),
      params(),
    );
  });

  it("keeps a name that is already such a segment, and slugs any other as Eleventy's slugify filter does", () => {
    fc.assert(
      fc.property(fileName, (name) => {
        const slug = addressSlug(name);
        if (/^[A-Za-z0-9_~-]+(\.[A-Za-z0-9_~-]+)*$/.test(name)) {
          expect(slug).toBe(name);
          return;
        }
        const eleventy = eleventySlugify(name);
        // Refused only where Eleventy's filter leaves nothing either.
        expect(slug).toBe(eleventy === "" ? undefined : eleventy);
      }),
      params(),
    );
  });

  it("gives the same address for the same name, and slugs are stable: a slug is its own slug", () => {
    fc.assert(
      fc.property(fileName, (name) => {
        const slug = addressSlug(name);
        if (slug !== undefined) expect(addressSlug(slug)).toBe(slug);
      }),
      params(),
    );
  });

  it("slugs the names a careless editor gives", () => {
    expect(addressSlug("issue #5")).toBe("issue-5");
    expect(addressSlug("what?")).toBe("what");
    expect(addressSlug("my story")).toBe("my-story");
    expect(addressSlug("Путин говорит")).toBe("putin-govorit");
    expect(addressSlug("a\u0007b")).toBe("a-b");
    expect(addressSlug("x\u001b[31mred")).toBe("x-31mred");
    expect(addressSlug("Talks.With.NATO")).toBe("Talks.With.NATO");
    expect(addressSlug("putin-immediate-talks")).toBe("putin-immediate-talks");
    // Nothing left: the file needs another name or a permalink.
    for (const name of [".", "..", "東京", "😀", "?"]) expect(addressSlug(name)).toBeUndefined();
  });
});
