/**
 * How the banner reaches the content: a reprint's body with its credit (top or bottom), an
 * excerpt's closing link and the publisher's pixel; or, once it has ended, the notice in its place.
 */
import { bodyHasImage, markImage } from "./links.js";
import type { BannerPosition, Reprint } from "../types.js";

/** What the placement needs of the options: the site's position, and each publisher's own. */
export interface PlacementOptions {
  bannerPosition: BannerPosition;
  sources: Record<string, { bannerPosition?: "top" | "bottom" }>;
}

/** The page's new content, whether the banner is in it, or undefined to leave the content as it is. */
export function contentWithBanner(content: string, reprint: Reprint, options: PlacementOptions): { content?: string; bannerInContent: boolean } {
  // Expired or withdrawn: the article's text is gone from the page; a notice stands in its place.
  if (reprint.tombstone) return { content: reprint.tombstone.html, bannerInContent: false };
  // An excerpt ends with its link to the whole; a pixel the body lacks is added after the text.
  const readMore = reprint.readMore ? `\n\n${reprint.readMore.html}\n` : "";
  // The body's own pixel is marked for image transforms to leave alone, like the one the plugin adds.
  const shown = reprint.pixel !== undefined && bodyHasImage(content, reprint.pixel.url);
  const article = shown ? markImage(content, reprint.pixel!.url) : content;
  const pixel = reprint.pixel && !shown ? `\n\n${reprint.pixel.html}\n` : "";
  // A publisher's placement wins over the site's, except manual placement.
  const source = reprint.source.key !== undefined ? options.sources[reprint.source.key] : undefined;
  const position = options.bannerPosition === "none" ? "none" : (source?.bannerPosition ?? options.bannerPosition);
  if (position === "none") return { ...(article !== content || readMore || pixel ? { content: `${article}${readMore}${pixel}` } : {}), bannerInContent: false };
  const banner = reprint.banner.html;
  return {
    content: position === "top" ? `${banner}\n\n${article}${readMore}${pixel}` : `${article}${readMore}\n\n${banner}\n${pixel}`,
    bannerInContent: true,
  };
}
