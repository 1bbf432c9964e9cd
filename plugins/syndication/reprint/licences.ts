import type { Licence } from "../types.js";
import { suggest } from "../util/suggest.js";
import { keyName, quote } from "../util/text.js";
import { checkUrl } from "./url.js";
import { CREATIVE_COMMONS_LIST } from "./creative-commons.js";

/** Creative Commons licences by lower-case SPDX id (the table is generated from the SPDX list). */
const CREATIVE_COMMONS: ReadonlyMap<string, readonly [id: string, name: string, deed: string]> = new Map(
  CREATIVE_COMMONS_LIST.map((entry) => [entry[0].toLowerCase(), entry]),
);

/** The SPDX ids of the Creative Commons licences, in the list's order. */
export const CREATIVE_COMMONS_IDS: readonly string[] = CREATIVE_COMMONS_LIST.map(([id]) => id);

const KEYWORDS = ["permission", "public-domain"];

/** The Creative Commons terms an id names, in a fixed order: "cc-by-nc-nd-4.0" → "BY NC ND". */
function licenceTerms(id: string): string {
  const parts = id.toUpperCase().split(/[-_ ]+/);
  return ["BY", "SA", "NC", "ND"].filter((t) => parts.includes(t)).join(" ");
}

/** "CC-BY-NC-ND-3.0-IGO" → "CC BY-NC-ND 3.0 IGO"; "CC0-1.0" → "CC0 1.0". */
function shortLabel(id: string): string {
  const match = /^CC-(.+?)-(\d\.\d)(?:-(.+))?$/.exec(id);
  if (match) return `CC ${match[1]} ${match[2]}${match[3] ? ` ${match[3]}` : ""}`;
  return id.replace(/-(\d)/, " $1");
}

export type LicenceResult = { ok: true; licence: Licence } | { ok: false; message: string; fix: string };

/** Read a licence as written in front matter: a keyword, a Creative Commons SPDX id, or `{ name, url }`. */
export function parseLicence(value: unknown): LicenceResult {
  if (typeof value === "string") return namedLicence(value);
  if (value && typeof value === "object" && !Array.isArray(value)) return customLicence(value as Record<string, unknown>);
  return {
    ok: false,
    message: `must be text or { name, url }, not ${describe(value)}`,
    fix: "use permission, public-domain, a Creative Commons SPDX id such as CC-BY-4.0, or { name, url }",
  };
}

/** A licence written as text: a keyword or a Creative Commons SPDX id. */
function namedLicence(value: string): LicenceResult {
  const key = value.trim().toLowerCase();
  if (key === "permission") {
    return { ok: true, licence: { kind: "permission", id: "permission", name: "Reprinted with permission", label: "with permission" } };
  }
  if (key === "public-domain" || key === "public domain") {
    return { ok: true, licence: { kind: "public-domain", id: "public-domain", name: "Public domain", label: "public domain" } };
  }
  const entry = CREATIVE_COMMONS.get(key);
  if (entry) {
    const [id, name, url] = entry;
    return { ok: true, licence: { kind: "creative-commons", id, name, label: shortLabel(id), url } };
  }
  const guess = suggest(value.trim(), licenceCandidates(key));
  return {
    ok: false,
    message: `${quote(value)} is not a licence this plugin knows`,
    fix: guess
      ? `did you mean "${guess}"?`
      : `use permission, public-domain, a Creative Commons SPDX id such as CC-BY-4.0, or { name, url } for another licence`,
  };
}

/**
 * The licences an unknown one may be a typo of. Only a licence with the same terms, version and
 * jurisdiction: CC BY 2.0 UK is not a typo of CC BY-SA 2.0 UK, CC BY 2.0 or CC BY 3.0 US, which
 * are other legal texts.
 */
function licenceCandidates(key: string): string[] {
  const version = /\d\.\d(-.*)?$/.exec(key)?.[0];
  const terms = licenceTerms(key);
  return [
    ...KEYWORDS,
    ...CREATIVE_COMMONS_IDS.filter(
      (id) => (!version || id.toLowerCase().endsWith(version)) && (terms === "" || licenceTerms(id) === terms),
    ),
  ];
}

/** A licence written as `{ name, url }`. */
function customLicence(value: Record<string, unknown>): LicenceResult {
  const { name, url, ...rest } = value;
  const extra = Object.keys(rest);
  if (typeof name !== "string" || name.trim() === "") {
    return { ok: false, message: "a custom licence needs a name", fix: "write it as { name: \"Licence name\", url: \"https://...\" }" };
  }
  if (extra.length > 0) {
    return { ok: false, message: `a custom licence has only name and url, not ${extra.map(keyName).join(", ")}`, fix: "remove the other keys" };
  }
  if (url !== undefined && typeof url !== "string") {
    return { ok: false, message: `has a url that is ${describe(url)}, not an address`, fix: "give the address of the licence text, starting with https://, or leave url out" };
  }
  // The licence's address is published (rel="license", JSON-LD): held to the rules of every address.
  const address = url?.trim();
  const bad = address === undefined ? undefined : checkUrl(address);
  if (bad) return { ok: false, message: `has a url that ${bad.message}`, fix: bad.fix };
  return { ok: true, licence: { kind: "custom", id: "custom", name: name.trim(), label: name.trim(), ...(address ? { url: address } : {}) } };
}

/** A short description of a value's type for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
}
