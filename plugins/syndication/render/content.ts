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

/** Markup blocks that go around an article, in order: the banner at the top or the bottom. */
export interface Around {
  before: string[];
  after: string[];
}

/** What stands around the article: the banner where `position` puts it, then the closing link and the pixel after it. */
export function around(position: "top" | "bottom" | "none", banner: string, readMore?: string, pixel?: string): Around {
  const closing = readMore !== undefined ? [readMore] : [];
  const last = pixel !== undefined ? [pixel] : [];
  if (position === "top") return { before: [banner], after: [...closing, ...last] };
  if (position === "bottom") return { before: [], after: [...closing, banner, ...last] };
  return { before: [], after: [...closing, ...last] };
}

/** The body as Markdown text with the blocks around it: each block a paragraph of its own. */
export function aroundText(body: string, parts: Around): string {
  return `${parts.before.map((block) => `${block}\n\n`).join("")}${body}${parts.after.map((block) => `\n\n${block}\n`).join("")}`;
}

/**
 * What a reprint's content becomes: `content`, the new text (undefined: the text as it is); or
 * `atRender`, the blocks for the Markdown library to add where it renders the page, when the
 * caller says it can (`renderPlaces`) and the body itself is unchanged; and whether the banner is in it.
 */
export interface Placed {
  content?: string;
  atRender?: Around;
  bannerInContent: boolean;
}

export function contentWithBanner(content: string, reprint: Reprint, options: PlacementOptions, renderPlaces = false): Placed {
  // Expired or withdrawn: the article's text is gone from the page; a notice stands in its place.
  if (reprint.tombstone) return { content: reprint.tombstone.html, bannerInContent: false };
  // The body's own pixel is marked for image transforms to leave alone, like the one the plugin adds.
  const shown = reprint.pixel !== undefined && bodyHasImage(content, reprint.pixel.url);
  const article = shown ? markImage(content, reprint.pixel!.url) : content;
  // A publisher's placement wins over the site's, except manual placement.
  const source = reprint.source.key !== undefined ? options.sources[reprint.source.key] : undefined;
  const position = options.bannerPosition === "none" ? "none" : (source?.bannerPosition ?? options.bannerPosition);
  // An excerpt ends with its link to the whole; a pixel the body lacks is added after the text.
  const parts = around(position, reprint.banner.html, reprint.readMore?.html, shown ? undefined : reprint.pixel?.html);
  const bannerInContent = position !== "none";
  if (parts.before.length === 0 && parts.after.length === 0 && article === content) return { bannerInContent };
  // Added where Markdown renders the page: Eleventy then keeps the file's text, not a second copy.
  if (renderPlaces && article === content) return { atRender: parts, bannerInContent };
  return { content: aroundText(article, parts), bannerInContent };
}
