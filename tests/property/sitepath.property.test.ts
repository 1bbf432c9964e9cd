import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { posix } from "node:path";
import { checkSitePath } from "../../plugins/syndication/reprint/sitepath.js";
import { params } from "./settings.js";

/** Path pieces that try to leave the output folder, or to hide what they are. */
const piece = fc.oneof(
  fc.constantFrom("..", ".", "%2e%2e", "%2E.", ".%2e", "%2f", "%5c", "\\", "//", "%00", "%0a", "\u202e", "\u0000", "?", "#", " ", "%", "javascript:", "https:"),
  fc.string({ maxLength: 6 }),
  fc.webSegment(),
);
const candidate = fc
  .tuple(
    fc.constantFrom("", "/", "//", "../", "./"),
    fc.array(fc.tuple(piece, fc.constantFrom("/", "")), { maxLength: 6 }),
    fc.constantFrom("", "/", ".html", ".md"),
  )
  .map(([start, parts, end]) => `${start}${parts.map(([part, join]) => part + join).join("")}${end}`);

describe("a site path that passes the rule", () => {
  it("stays inside the output folder, as written and decoded, and holds nothing invisible", () => {
    fc.assert(
      fc.property(fc.oneof(candidate, fc.string()), (path) => {
        if (checkSitePath(path) !== undefined) return;
        expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
        expect(path.endsWith("/") || path.endsWith(".html")).toBe(true);
        for (const form of [path, decodeURIComponent(path)]) {
          // Where Eleventy writes it (output + path), and where a server that decodes it reads it.
          expect(posix.join("/output", form).startsWith("/output/") || posix.join("/output", form) === "/output").toBe(true);
          expect(form.split(/[/\\]/)).not.toContain("..");
          expect(form).not.toMatch(/[\p{Cc}\p{Cf}\\]/u);
        }
        expect(path).not.toMatch(/\s/);
      }),
      params(),
    );
  });
});
