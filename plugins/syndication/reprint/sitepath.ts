/**
 * The rule for an address on this site that the plugin writes a page at or points a redirect to:
 * `syndication.previousUrls` in front matter, and each `url` and `previousUrls` entry of the lock.
 * One rule for both, so that nothing a hand-edited lock or a front matter says can put a page
 * outside the output folder or a script in a link.
 */

/** Why a site path cannot be used, as a clause after the value ("has a \"..\" segment"). */
export interface SitePathProblem {
  reason: string;
  fix: string;
}

/** Characters no path may hold: control and invisible formatting characters (as in url.ts), lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}]/u;
/** Characters a URL path does not carry as written (RFC 3986), and `?`/`#`, which end a path. */
const NOT_IN_PATH = /[\\"<>^`{|}?#]/;

export const SITE_PATH_FIX = "write the path the page had on this site, starting with / and ending with / or .html, such as /reprints/old-name/";

/**
 * A path on this site, as a browser asks for it and as Eleventy writes it under the output
 * folder: `/…/` or `/….html`; no scheme or host; no `.` or `..` segment, also percent-encoded;
 * no encoded slash; no space, control or invisible character. Such a path always resolves inside
 * the output folder. Returns undefined for a good path.
 */
export function checkSitePath(value: string): SitePathProblem | undefined {
  const invisible = INVISIBLE.exec(value);
  if (invisible) {
    const code = invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return { reason: `contains an invisible or control character (U+${code})`, fix: "type the path again" };
  }
  if (/\s/.test(value)) return { reason: "contains a space or line break", fix: "write the path without spaces (encode a real space as %20)" };
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    return { reason: "is a full address with a scheme, not a path on this site", fix: SITE_PATH_FIX };
  }
  if (!value.startsWith("/")) return { reason: "does not start with /", fix: SITE_PATH_FIX };
  if (value.startsWith("//")) return { reason: "starts with //, which browsers read as another site's address", fix: SITE_PATH_FIX };
  const odd = NOT_IN_PATH.exec(value);
  if (odd) return { reason: `contains ${JSON.stringify(odd[0])}, which is not part of a path`, fix: SITE_PATH_FIX };
  for (const segment of value.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { reason: "has a % that does not start an encoded character (%XX)", fix: "write a real % as %25" };
    }
    if (decoded === "." || decoded === "..") {
      return { reason: `has a ${JSON.stringify(segment)} segment, which would lead out of the page's folder`, fix: SITE_PATH_FIX };
    }
    if (decoded.includes("/") || decoded.includes("\\")) {
      return { reason: `has an encoded slash (${segment})`, fix: SITE_PATH_FIX };
    }
    if (INVISIBLE.test(decoded)) return { reason: `has an encoded control or invisible character (${segment})`, fix: SITE_PATH_FIX };
  }
  if (!value.endsWith("/") && !value.endsWith(".html")) return { reason: "does not end with / or .html", fix: SITE_PATH_FIX };
  return undefined;
}
