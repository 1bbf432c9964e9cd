import { defineRule } from "./rule.js";
import { imagesInMarkdown, sameAddress } from "../render/links.js";
import { parseLicence } from "../reprint/licences.js";
import { quote } from "../util/text.js";
import type { PageContext } from "./context.js";

const FIX =
  'add - { src: {src}, credit: "Photographer/Agency", licence: CC-BY-4.0 } (or licence: permission) under syndication.images, with the rights the image\'s caption gives, or take the image out of the body';

export default defineRule<PageContext, "missing" | "unlisted" | "licence">({
  id: "image-rights",
  stage: "page",
  severity: "error",
  on: "publisher rule images; syndication.images",
  field: "syndication.images",
  messages: {
    missing: { absent: true, message: "is missing, and the image {shown} has no rights of its own: {source}'s licence covers the text, not its images", fix: FIX },
    unlisted: { message: "has no rights for the image {shown}: {source}'s licence covers the text, not its images", fix: FIX },
    licence: { message: "gives the image {src} a licence that cannot be read: {message}", fix: "{fix}" },
  },
  docs: {
    description:
      "A publisher whose licence covers the text but not its images (`images` publisher rule: The Conversation, ProPublica; a site turns it on for its own `sources`) gets every image of the body listed under `images` with its own credit and licence, or `permission`. The credit is shown right after the image. Each entry's licence must be one the plugin can read.",
    fails: "syndication:\n  source: the-conversation\n  originalUrl: https://theconversation.com/a-story-123\n---\n![A row of newspapers](https://images.theconversation.com/files/1/photo.jpg)",
    passes:
      "syndication:\n  source: the-conversation\n  originalUrl: https://theconversation.com/a-story-123\n  images:\n    - src: https://images.theconversation.com/files/1/photo.jpg\n      credit: Sample Photographer/Example Agency\n      licence: CC-BY-4.0\n---\n![A row of newspapers](https://images.theconversation.com/files/1/photo.jpg)",
  },
  check({ values, content }, report) {
    for (const image of values.images) {
      const parsed = parseLicence(image.licence);
      if (!parsed.ok) report({ messageId: "licence", data: { src: quote(image.src), message: parsed.message, fix: parsed.fix } });
    }
    const entry = values.entry;
    if (values.ended || !entry?.rules?.images || content === undefined) return;
    const pixel = values.text("pixel");
    for (const src of imagesInMarkdown(content)) {
      if (pixel !== undefined && sameAddress(src, pixel)) continue;
      if (values.images.some((image) => sameAddress(image.src, src))) continue;
      // The message quotes it short; the fix gives the whole address, to paste.
      const data = { shown: quote(src), src: JSON.stringify(src), source: entry.name ?? "the publisher" };
      report({ messageId: values.raw.images === undefined ? "missing" : "unlisted", data });
    }
  },
});
