import fc from "fast-check";

/**
 * Pieces of text that have broken HTML, JSON, templates and reports elsewhere: markup, entity
 * and template syntax, right-to-left text and direction overrides, control characters, lone
 * surrogates, noncharacters, line separators and combining marks.
 */
export const NASTY_PIECES = [
  "<", ">", "&", '"', "'", "`", "=", "/", "\\", "{", "}", "{{", "}}", "{%", "%}", "{#", "[[", "]]",
  "{source}", "{licence}", "{author}", "</script>", "</SCRIPT ", "<script>", "<!--", "-->", "<![CDATA[", "]]>",
  "&amp;", "&lt;", "&#0;", "&#x3c;", "<a href=x>", "</p>", "</div>", "javascript:", "${x}",
  "\u202e", "\u202b", "\u200f", "\u200e", "\u200b", "\u2066", "مرحبا", "שלום", "Москва", "東京", "😀", "e\u0301",
  "\u0000", "\u0007", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u009f",
  "\ud800", "\udfff", "\ufdd0", "\ufffe", "\uffff",
  "\u2028", "\u2029", "\ufeff", "\u00a0", "\u3000", "\r\n", "\r", "\n", "\t", " ",
  "a", "Wire", "1", ".", "-", ":", "@", "#", "?", "%", "%00", "%2e",
];

/** Text of nasty pieces, or of any code points at all. */
export const nastyText = (maxLength = 12) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...NASTY_PIECES), maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength }) },
  );

/** Characters that make HTML non-conforming wherever they appear (control, surrogate, noncharacter). */
export const NON_HTML = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\p{Cs}\p{Noncharacter_Code_Point}]/u;

/** Text without the characters an HTML document may not contain at all. */
export const htmlText = (maxLength = 12) => nastyText(maxLength).filter((s) => !NON_HTML.test(s));

/** A URL put together from parts that have fooled URL checks: odd schemes, hosts, authorities and paths. */
export const hostileUrl = fc
  .tuple(
    fc.constantFrom("https", "http", "HTTPS", "hTTp", "javascript", "data", "file", "ftp", "blob", "ws", "", " https", "https\t"),
    fc.constantFrom("://", ":", "//", ":/", ":\\\\", ":///", "://\\", ":\\/"),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant("") },
      { weight: 1, arbitrary: fc.constantFrom("user@", "user:pw@", "@", ":@", "a%40b@", "trusted.example@", "x\\@") },
    ),
    fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV4Extended(),
      fc.ipV6().map((a) => `[${a}]`),
      fc.constantFrom(
        "localhost", "LOCALHOST", "localhost.", "a.localhost", "%6c%6fcalhost", "ｌｏｃａｌｈｏｓｔ", "127.1", "0", "0x7f.1",
        "0177.0.0.1", "2130706433", "[::1]", "[::]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[fe80::1]", "[fd00::1]",
        "[64:ff9b::a9fe:a9fe]", "169.254.169.254", "0xa9fea9fe", "10.0.0.1", "172.20.0.1", "192.168.0.1", "100.100.0.1",
        "intranet", "printer.local", "x.internal", "example.com", "пример.рф", "xn--e1afmkfd.xn--p1ai", "example.com.",
        "", " ", "exa mple.com", "example.com:80", "example.com:99999", "[::1", "a..b",
      ),
    ),
    fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 70000 }).map((p) => `:${p}`)),
    fc.oneof(fc.webPath(), nastyText(6).map((s) => `/${s}`), fc.constantFrom("", "/", "?q=1", "#x", "/a\\b", "/%0a")),
  )
  .map(([scheme, sep, userinfo, host, port, path]) => `${scheme}${sep}${userinfo}${host}${port}${path}`);

/** Either a URL of that kind, or any text at all. */
export const anyUrlText = fc.oneof({ weight: 4, arbitrary: hostileUrl }, { weight: 1, arbitrary: nastyText(30) }, fc.webUrl());

/** Text for names and notices that the validator accepts: not blank, and nothing HTML forbids. */
export const nameText = (maxLength = 16) => htmlText(maxLength).filter((s) => s.trim() !== "");

/** Characters that are allowed, unencoded, in a path that passes the URL check, and mean something to HTML or templates. */
const PATH_PIECES = ["a", "z", "0", '"', "'", "<", ">", "&", "&amp;", "{", "}", "{{", "{%", "`", "=", "!", "$", "(", ")", "*", "+", ",", ";", "@", ":", "%20", "%3C", "é", "ש", "ع", "😀", "/", "?", "#", "</script>", "<!--"];

/** An address that passes the URL check and is full of characters that need escaping in HTML. */
export const validUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(fc.constantFrom("https", "http", "HTTPS"), fc.domain(), fc.string({ unit: fc.constantFrom(...PATH_PIECES), maxLength: 12 }))
    .map(([scheme, host, path]) => `${scheme}://${host}/${path}`),
);

const day = fc.date({ min: new Date("1800-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true });
const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** A valid date as front matter gives it: a YAML date (UTC midnight), ISO date text, or a date-time with or without an offset. */
export const validDate = fc.oneof(
  day.map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))),
  day.map((d) => d.toISOString().slice(0, 10)),
  fc
    .tuple(day, fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15)))
    .map(([d, offset]) => `${d.toISOString().slice(0, 19)}${offset < 0 ? "-" : "+"}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`),
  day.map((d) => d.toISOString().slice(0, 19)),
);

/** A `syndication` block that should pass (or fail only on dates in the wrong order), with text that needs escaping. */
export const validSyndication = fc.record(
  {
    source: fc.oneof(
      { weight: 4, arbitrary: nameText(20) },
      { weight: 1, arbitrary: fc.constantFrom("rferl", "the-conversation", "propublica", "voa") },
    ),
    originalUrl: validUrl,
    licence: fc.oneof(
      fc.constantFrom("permission", "public-domain", "CC-BY-4.0", "CC-BY-ND-4.0", "cc-by-nc-nd-3.0", "CC0-1.0", "CC-BY-SA-4.0"),
      fc.record({ name: nameText(), url: validUrl }, { requiredKeys: ["name"] }),
    ),
    published: validDate,
    expires: validDate,
    author: fc.oneof(
      nameText(),
      fc.record({ name: nameText(), affiliation: nameText() }, { requiredKeys: ["name"] }),
      fc.array(fc.oneof(nameText(), fc.record({ name: nameText(), affiliation: nameText() })), { minLength: 1, maxLength: 3 }),
    ),
    excerpt: fc.boolean(),
    changes: nameText(30),
    pixel: validUrl,
    sourceUrl: validUrl,
    copyright: nameText(40),
    withdrawn: fc.oneof(fc.boolean(), fc.record({ note: nameText(30) }, { requiredKeys: [] })),
    indexing: fc.constantFrom("canonical", "noindex", "both"),
  },
  { requiredKeys: ["source", "originalUrl", "licence"] },
);
