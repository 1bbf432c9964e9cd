/**
 * The credit of each image with rights of its own, shown right after the image: a credit line
 * (`<small class="syndication-image-credit">`), not a figcaption. An image is often inline, in a
 * paragraph, where a figure cannot stand; one inside a publisher's figure keeps that figure's
 * caption as it is (the text may not be edited). Written into the body before it is rendered, so
 * the credit goes wherever the body goes: the page, an excerpt, a feed.
 */
import { escapeHtml } from "./escape.js";
import { imageEnds, sameAddress } from "./links.js";
import type { ImageRights } from "../types.js";

/** "Image: Sample Photographer/Example Agency, CC BY 4.0" with the licence's deed linked. */
export function imageCreditHtml(image: ImageRights): string {
  const { licence } = image;
  const name =
    licence.kind === "permission" ? "used with permission" : licence.kind === "public-domain" ? "public domain" : licence.kind === "creative-commons" ? licence.label : licence.name;
  const shown = licence.url && licence.kind !== "permission" ? `<a href="${escapeHtml(licence.url)}">${escapeHtml(name)}</a>` : escapeHtml(name);
  return `<small class="syndication-image-credit">Image: ${escapeHtml(image.credit)}, ${shown}</small>`;
}

/** The body with each credited image followed by its credit line. */
export function withImageCredits(body: string, images: ImageRights[]): string {
  let out = "";
  let last = 0;
  for (const { src, end } of imageEnds(body)) {
    const image = images.find((i) => sameAddress(i.src, src));
    if (!image || end < last) continue;
    out += body.slice(last, end) + imageCreditHtml(image);
    last = end;
  }
  return out + body.slice(last);
}
