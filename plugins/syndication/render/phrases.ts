/**
 * Phrases of a text, to find it again on a built page however the page writes it: the first words
 * of each paragraph, as lower-case letters and digits, so that Markdown, HTML, entities and an XML
 * feed's escaped content all come down to the same words.
 */

/** Words a phrase has: enough that a page does not carry them by chance. */
const PHRASE_WORDS = 10;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** HTML and XML character references, decoded (twice: a feed escapes the HTML it carries). */
function decode(text: string): string {
  let out = text;
  for (let i = 0; i < 2; i++) {
    out = out.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  return out;
}

/** Text as its words: lower case, letters and digits only, one space between. */
const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** A Markdown body's phrases: the first words of each paragraph long enough to have them. */
export function phrasesOf(markdown: string): string[] {
  const phrases = new Set<string>();
  for (const paragraph of markdown.split(/\n[ \t]*\n/)) {
    // A link's address and a tag's attributes are not text a reader sees.
    const text = decode(paragraph.replace(/\]\([^()\s\]]*\)/g, "]").replace(/<[^<>]*>/g, " "));
    const first = words(text).slice(0, PHRASE_WORDS);
    if (first.length === PHRASE_WORDS) phrases.add(first.join(" "));
  }
  return [...phrases];
}

/** The first of the phrases a built page (HTML, XML or JSON) carries, if any. */
export function carriedPhrase(page: string, phrases: string[]): string | undefined {
  if (phrases.length === 0) return undefined;
  const text = ` ${words(decode(page).replace(/<[^<>]*>/g, " ")).join(" ")} `;
  return phrases.find((phrase) => text.includes(` ${phrase} `));
}
