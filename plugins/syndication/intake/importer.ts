/**
 * Turning a plain-text article, as publishers send them, into the front matter and Markdown body
 * of a reprint. Pure: the command reads and writes the files.
 */
import { CREATIVE_COMMONS_LIST } from "../reprint/creative-commons.js";
import { unprintable } from "../util/text.js";

/** What a leading credit line says. */
export interface Credit {
  source: string;
  /** A licence the line names, where it names one this plugin knows. */
  licence?: string;
  /** The line named "a Creative Commons licence" without saying which. */
  creativeCommonsUnnamed?: boolean;
}

const CREDIT_LINES: Array<{ pattern: RegExp; licence?: string }> = [
  // RFE/RL and many others: the sentence the plugin itself writes.
  { pattern: /^This (?:article|story) was originally published by (.+?) and is reprinted with permission\.?$/i, licence: "permission" },
  // The Conversation: "This article is republished from The Conversation under a Creative Commons license."
  { pattern: /^This (?:article|story) (?:is|was) republished from (.+?) under (?:an? |the )?(.+?) licen[cs]e\.?(?: Read the original article\.?)?$/i },
  // ProPublica and others: "This story was originally published by ProPublica.", perhaps with
  // "and is republished under a ... licence", or "Read the original article." after it.
  {
    pattern:
      /^This (?:article|story) (?:was )?(?:originally|first) (?:published|appeared) (?:by|on|in) (.+?)(?:,? and (?:is|was) (?:re)?published under (?:an? |the )?(.+?) licen[cs]e)?\.?(?: Read the original(?: article)?\.?)?$/i,
  },
];

/** The longest first line read as a credit line, in characters. */
const LONGEST_CREDIT = 500;

/** Words of a licence name, for matching "CC BY-ND 4.0" or a full name against the SPDX list. */
const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9.]+/g, " ").trim();

/** A Creative Commons licence named in prose: "CC BY-ND 4.0", or its full name. */
export function licenceFromName(name: string): string | undefined {
  const wanted = words(name).replace(/\bnoderivatives\b/g, "no derivatives").replace(/\bnoncommercial\b/g, "non commercial").replace(/\bsharealike\b/g, "share alike");
  for (const [id, name] of CREATIVE_COMMONS_LIST) {
    const label = words(id.replace(/^CC-/, "CC "));
    if (wanted === label || wanted === words(name)) return id;
  }
  return undefined;
}

/** The credit a text's first line gives, if it is a credit line. */
export function readCredit(line: string): Credit | undefined {
  // White space as single spaces, so that the patterns need no `\s+` beside a lazy name.
  const text = line.trim().replace(/\s+/g, " ");
  // A credit is a sentence or two: a longer line is text (and the patterns' lazy source name
  // would otherwise be tried at every length of it).
  if (text.length > LONGEST_CREDIT) return undefined;
  for (const { pattern, licence } of CREDIT_LINES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const source = match[1]!.trim();
    if (licence) return { source, licence };
    if (match[2] !== undefined) {
      const id = licenceFromName(match[2]);
      return id ? { source, licence: id } : { source, creativeCommonsUnnamed: /creative commons/i.test(match[2]) };
    }
    return { source };
  }
  return undefined;
}

/**
 * Paragraphs of a plain text: separated by blank lines where it has them, else one a line (as
 * the seed article is). Lines are trimmed; runs of white space inside a paragraph become one.
 */
export function paragraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, "\n").trim();
  const blocks = /\n[ \t]*\n/.test(normalised) ? normalised.split(/\n[ \t]*\n+/) : normalised.split("\n");
  return blocks.map((b) => b.replace(/\s+/g, " ").trim()).filter((b) => b !== "");
}

/** Keep a paragraph from reading as Markdown syntax it is not: a heading, list, quote or HTML. */
export function escapeMarkdown(paragraph: string): string {
  return paragraph
    .replace(/[\\`*_<>[\]~&]/g, (ch) => `\\${ch}`)
    .replace(/^(#{1,6})(\s|$)/, "\\$1$2")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])(\s|$)/, "$1\\$2$3");
}

export interface ImportedText {
  credit?: Credit;
  body: string;
}

/** Split a text into its credit line (dropped: the plugin renders it) and a Markdown body. */
export function importText(text: string): ImportedText {
  // The credit is the first line, whether or not a blank line follows it.
  const [first = "", ...rest] = text.replace(/\r\n?/g, "\n").trim().split("\n");
  const credit = readCredit(first);
  const body = paragraphs(credit ? rest.join("\n") : text).map(escapeMarkdown).join("\n\n");
  return { ...(credit ? { credit } : {}), body: `${body}\n` };
}

/**
 * Why a file's bytes are not an article to import, or undefined with the text they hold: empty,
 * only white space, not UTF-8 (UTF-16 is named), or holding characters no text has (NUL and other
 * control characters: a binary file).
 */
export function readArticle(bytes: Uint8Array): { text: string } | { problem: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: "is UTF-16 text: save it as UTF-8 and import it again" };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: "is not UTF-8 text (a binary file, or another encoding): save the article as UTF-8 text" };
  }
  const odd = unprintable(text);
  if (odd) return { problem: `is not plain text: it holds ${odd}, a control character no article has (a binary file?)` };
  if (text.trim() === "") return { problem: `is ${text.length === 0 ? "empty" : "only white space"}: there is no article to import` };
  return { text };
}
