import slugify from "@sindresorhus/slugify";
import { parseDate } from "./dates.js";

/**
 * A path segment that a URL carries as it is: RFC 3986's unreserved characters (ASCII letters,
 * digits, `-`, `_`, `~` and `.`), with no dot at either end nor two in a row, so it is never `.`
 * or `..` (which a browser resolves to a parent folder) nor a folder name Windows trims.
 */
const URL_SEGMENT = /^[A-Za-z0-9_~-]+(?:\.[A-Za-z0-9_~-]+)*$/;

/** Is this a path segment that a URL carries as it is (and that is not `.` or `..`)? */
export const isUrlSegment = (segment: string): boolean => URL_SEGMENT.test(segment);

/**
 * The last segment of a reprint's address, from its file name (Eleventy's `page.fileSlug`). A name
 * that is already a segment a URL carries as it is stays as it is, so existing addresses never
 * move; any other (`issue #5`, `what?`, `my story`, `Путин`, `..`, control characters) is slugged
 * as Eleventy's `slugify` filter slugs it (`issue-5`, `what`, `my-story`, `putin`). Undefined
 * when nothing of the name is left (`東京`, `..`): such a file needs another name or a permalink.
 */
export function addressSlug(fileSlug: string): string | undefined {
  if (URL_SEGMENT.test(fileSlug)) return fileSlug;
  // Eleventy's own filter: @sindresorhus/slugify, with decamelize off (Eleventy 3.1, Filters/Slugify.js).
  // It tries its 1,900 transliterations one by one (2 ms a name); none applies to ASCII text.
  const slug = /^[\x00-\x7f]*$/.test(fileSlug) ? asciiSlug(fileSlug) : slugify(fileSlug, { decamelize: false });
  return slug === "" ? undefined : slug;
}

/**
 * What @sindresorhus/slugify (decamelize off) makes of ASCII text, step by step: `^` and `` ` ``
 * are diacritics, dropped; `&` is " and "; lower case; `'s` and `'t` that end a word join it
 * (`it's` → `its`); every other run of characters is one hyphen, none at either end.
 */
function asciiSlug(text: string): string {
  return text
    .replace(/[\^`]/g, "")
    .replace(/&/g, " and ")
    .toLowerCase()
    .replace(/(?<=[a-z\d])'(?=[ts](?:\s|$))/g, "")
    .replace(/[^a-z\d]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The permanent address of a reprint: `<prefix><yyyy>/<mm>/<slug>/` from the original
 * publication date, or `<prefix><slug>/` without one, where the slug comes from the file name
 * (see `addressSlug`; undefined when the name gives none). Never from the title or the file's
 * creation time, which change when a file is renamed, retitled or checked out again.
 */
export function reprintPermalink(prefix: string, published: unknown, fileSlug: string): string | undefined {
  const slug = addressSlug(fileSlug);
  if (slug === undefined) return undefined;
  // A normalised ISO date already says year and month, in the publisher's own offset.
  if (typeof published === "string" && /^\d{4}-(0[1-9]|1[0-2])-\d\d/.test(published)) {
    return `${prefix}${published.slice(0, 4)}/${published.slice(5, 7)}/${slug}/`;
  }
  const date = published === undefined ? undefined : parseDate(published);
  const folder = date?.ok ? `${date.date.iso.slice(0, 4)}/${date.date.iso.slice(5, 7)}/` : "";
  return `${prefix}${folder}${slug}/`;
}
