import { createHash } from "node:crypto";

/**
 * The digest of a reprint's body as received, in the form of Subresource Integrity
 * ("sha256-" and base64). Line endings and the blank lines around the body do not count, so a
 * file saved on Windows, or re-saved by an editor, keeps its digest; any change to the text does not.
 */
export function bodyDigest(body: string): string {
  // Spaces at the ends of lines, each run matched from its start (no rescan of a long run).
  const text = body.replace(/\r\n?/g, "\n").replace(/(?<![ \t])[ \t]+$/gm, "").trim();
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

/** Is this text a digest this plugin writes? */
export const isDigest = (value: string): boolean => /^sha256-[A-Za-z0-9+/]{43}=$/.test(value);
