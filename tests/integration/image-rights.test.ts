import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build, fixture, words } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";
import type { SyndicationOptions } from "../../plugins/syndication/index.js";

// tests/fixtures/images-site: an image under The Conversation's preset, a figure from a site's
// own source that turns the images rule on, and an image from a source that leaves it off.
const SOURCES: SyndicationOptions["sources"] = {
  wire: { name: "Example Wire", url: "https://wire.example.com/", licence: "permission", rules: { images: true } },
  plainwire: { name: "Plain Wire", url: "https://plain.example.com/", licence: "permission" },
};
const PHOTO = "https://images.theconversation.com/files/500201/original/newspapers.jpg?w=754&fit=clip";

/** A copy of the site with one file edited; built, and its error report if it fails. */
async function buildEdited(file: string, edit: (text: string) => string) {
  const input = mkdtempSync(join(tmpdir(), "syndication-images-"));
  cpSync(fixture("images-site"), input, { recursive: true });
  const path = join(input, "reprints", file);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  try {
    await build(relative(process.cwd(), input), { plugin: { sources: SOURCES } });
    return "";
  } catch (error) {
    expect(error).toBeInstanceOf(SyndicationError);
    return (error as SyndicationError).report;
  }
}

describe("images with rights of their own", () => {
  it("show their credit right after the image: credit and licence, the deed linked", async () => {
    const site = await build(fixture("images-site"), { plugin: { sources: SOURCES } });
    const $ = site.page("/reprints/2025/10/conversation-photo/");
    const img = $(`img[src="${PHOTO}"]`);
    expect(img).toHaveLength(1);
    const credit = img.next();
    expect(credit.is("small.syndication-image-credit")).toBe(true);
    expect(words(credit.text())).toBe("Image: Sample Photographer/Example Agency, CC BY 4.0");
    expect(credit.find("a").attr("href")).toBe("https://creativecommons.org/licenses/by/4.0/");
    // One credit line an image; the reprint's own licence link stays the only rel="license".
    expect($(".syndication-image-credit")).toHaveLength(1);
    expect($('a[rel="license"]').attr("href")).toBe("https://creativecommons.org/licenses/by-nd/4.0/");

    const wire = site.page("/reprints/2025/10/wire-photo/");
    const figureCredit = wire("figure img").next();
    expect(words(figureCredit.text())).toBe("Image: Example Wire/Sam Lens, used with permission");
    // The figure's own caption is the publisher's text, left as it is.
    expect(wire("figcaption").text()).toBe("The harbour at dawn.");
    // A source that does not turn the rule on needs no entry.
    expect(site.page("/reprints/2025/10/plain-photo/")("img")).toHaveLength(1);
  });

  it("refuse an image without rights under a publisher whose licence does not cover it, naming the image and the fix", async () => {
    const report = await buildEdited("conversation-photo.md", (text) => text.replace(/  images:\n(?: {4,}.*\n)+/, ""));
    expect(report).toContain(
      `conversation-photo.md:3  syndication.images  is missing, and the image "${PHOTO.slice(0, 59)}…" has no rights of its own: The Conversation's licence covers the text, not its images, add - { src: "${PHOTO}", credit: "Photographer/Agency", licence: CC-BY-4.0 } (or licence: permission) under syndication.images, with the rights the image's caption gives, or take the image out of the body  [image-rights]`,
    );
  });

  it("are a rule a site turns on for its own sources", async () => {
    const report = await buildEdited("wire-photo.md", (text) => text.replace("https://wire.example.com/photos/harbour.jpg\n", "https://wire.example.com/photos/other.jpg\n"));
    expect(report).toContain('wire-photo.md:7  syndication.images  has no rights for the image "https://wire.example.com/photos/harbour.jpg": Example Wire\'s licence covers the text, not its images');
  });

  it("refuse an entry whose licence cannot be read", async () => {
    const report = await buildEdited("wire-photo.md", (text) => text.replace("licence: permission", "licence: CC-BY-9.0"));
    expect(report).toContain('syndication.images  gives the image "https://wire.example.com/photos/harbour.jpg" a licence that cannot be read');
  });
});
