import { parseDate } from "./dates.js";

/**
 * The permanent address of a reprint: `<prefix><yyyy>/<mm>/<file-slug>/` from the original
 * publication date, or `<prefix><file-slug>/` without one. Never from the title or the file's
 * creation time, which change when a file is renamed, retitled or checked out again.
 */
export function reprintPermalink(prefix: string, published: unknown, fileSlug: string): string {
  // A normalised ISO date already says year and month, in the publisher's own offset.
  if (typeof published === "string" && /^\d{4}-(0[1-9]|1[0-2])-\d\d/.test(published)) {
    return `${prefix}${published.slice(0, 4)}/${published.slice(5, 7)}/${fileSlug}/`;
  }
  const date = published === undefined ? undefined : parseDate(published);
  const folder = date?.ok ? `${date.date.toFormat("yyyy")}/${date.date.toFormat("MM")}/` : "";
  return `${prefix}${folder}${fileSlug}/`;
}
