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
