/**
 * Built-in publishers: each preset is written from the publisher's own republishing terms, and
 * each rule says where it comes from, so a maintainer can check it when the terms change.
 * Written on 2026-11-26 from the copies of the terms that could be read then (each says which):
 * re-check against the publisher's current page before relying on a rule.
 */
import type { SourceEntry } from "../types.js";

export const PRESETS: Readonly<Record<string, Readonly<SourceEntry>>> = {
  // Radio Free Europe/Radio Liberty, Terms of Use, "Re-Use of Text Content" (on rferl.org; read
  // here as quoted in 2019, in a research project's notes, not from the live page, whose address
  // could not be checked from here):
  // "When using RFE/RL text content in full, we require that you credit RFE/RL by including:
  //  a permanent link, placed before the text of the article, to the original article on
  //  www.rferl.org [→ bannerPosition "top", the banner links the original], and the following
  //  text somewhere in the article: Copyright (c) <year>. RFE/RL, Inc. Reprinted with the
  //  permission of Radio Free Europe/Radio Liberty, 1201 Connecticut Ave NW, Ste 400, Washington
  //  DC 20036 [→ copyright]." Excerpts: "note that the material is an excerpt and link to the
  //  original content" [→ excerpt: true]; "refrain from altering or distorting the meaning, name,
  //  or integrity of the product" [→ noEdits "warn": a recorded digest is checked].
  rferl: {
    name: "Radio Free Europe/Radio Liberty",
    url: "https://www.rferl.org/",
    licence: "permission",
    copyright:
      "Copyright (c) {year}. RFE/RL, Inc. Reprinted with the permission of Radio Free Europe/Radio Liberty, 1201 Connecticut Ave NW, Ste 400, Washington DC 20036.",
    bannerPosition: "top",
    terms: "RFE/RL Terms of Use, \"Re-Use of Text Content\" (rferl.org), as quoted in 2019",
    rules: { noEdits: "warn" },
  },

  // The Conversation, "Republishing guidelines" (theconversation.com/us/republishing-guidelines):
  // "All our content is published under a Creative Commons Attribution-No Derivatives licence"
  // [→ CC-BY-ND-4.0]. "You can't edit our material, except to reflect relative changes in time,
  // location and editorial style" [→ noEdits "error": edits need `changes`, approved by the
  // author]. "You have to credit authors and their institutions, ideally in the byline"
  // [→ affiliations]. "You have to credit The Conversation and include a link back to either our
  // home page or the article URL. Our preference is a credit at the top of the article"
  // [→ bannerPosition "top"]. "You must use our page view counter when republishing online"
  // [→ pixel]. Extracts: "run the first few lines or paragraphs of the article and then say:
  // 'Read the full article on The Conversation' with a link back" [→ readMore]. "You have to
  // confirm you're licensed to republish images in our articles. … Copyright terms are generally
  // listed in the image caption and attribution. You are welcome to omit our images" (the
  // Australian edition: "images, charts and graphics are NOT covered under our Creative Commons
  // licence") [→ images].
  "the-conversation": {
    name: "The Conversation",
    url: "https://theconversation.com/",
    licence: "CC-BY-ND-4.0",
    bannerPosition: "top",
    wording: {
      creativeCommons: "This article[[ by {author}]] is republished from {source} under the {licence} licence.",
      readMore: "Read the full article on {source}.",
    },
    terms: "https://theconversation.com/us/republishing-guidelines",
    rules: { noEdits: "error", pixel: true, affiliations: true, images: true },
  },

  // ProPublica, "Steal Our Stories" (propublica.org/steal-our-stories). The page itself could not
  // be read from here: its rules are quoted below as an earlier version was quoted in public (a
  // 2010 blog post), and the credit line as reprints print it; check them against the live page.
  // Stories are licensed CC BY-NC-ND 3.0 [→ licence]. "You can't edit our material, except to
  // reflect relative changes in time, location and editorial style" [→ noEdits "error"]. The
  // credit line, at the top: "This story was originally published by ProPublica." with
  // "ProPublica" linking the original [→ wording, bannerPosition "top"; {source} links the
  // original; the second sentence names the licence, as CC BY asks]. "If you're republishing
  // online, you have to link to us and to include all of the links from our story, as well as our
  // PixelPing tag" [→ keepLinks, pixel]. ProPublica grants "rights to post stories in full (or to
  // link to them)": ProPublica's answer to a reader under "Our Copyright Policy" (2008,
  // propublica.org/article/our-copyright-policy), not a sentence of Steal Our Stories
  // [→ excerpts: false]. The licence is read as CC BY-NC-ND 3.0 (Unported, as the SPDX list has
  // it); ProPublica may name the 3.0 United States port, which SPDX does not list. The licence
  // covers ProPublica's stories; its photographs and illustrations, often licensed from agencies,
  // need permission of their own, as Steal Our Stories says of art (paraphrased here: check the
  // live page's wording) [→ images].
  propublica: {
    name: "ProPublica",
    url: "https://www.propublica.org/",
    licence: "CC-BY-NC-ND-3.0",
    bannerPosition: "top",
    wording: { creativeCommons: "This story was originally published by {source}. It is republished under the {licence} licence." },
    terms: "https://www.propublica.org/steal-our-stories",
    rules: { noEdits: "error", pixel: true, keepLinks: true, excerpts: false, images: true },
  },

  // Voice of America, "Requests to use VOA programs and materials" (insidevoa.com/a/1204766.html):
  // "Voice of America original programs and materials are generally considered in the public
  // domain" [→ public-domain]; "Credit ... must be given to 'VOA,' 'Voice of America,' or
  // 'VOANews.com'" [→ name]. Material VOA carries from news agencies is not in the public domain:
  // such a reprint must not use this preset (README).
  voa: {
    name: "Voice of America",
    url: "https://www.voanews.com/",
    licence: "public-domain",
    terms: "https://www.insidevoa.com/a/1204766.html",
    rules: {},
  },
};

/** A site's entry over the preset it names (or shares its key with): its own fields win, rules merge. */
export function withPreset(key: string, entry: SourceEntry | undefined): SourceEntry | undefined {
  const presetKey = entry?.extends ?? key;
  const preset = Object.hasOwn(PRESETS, presetKey) ? PRESETS[presetKey] : undefined;
  if (!preset) return entry;
  if (!entry) return preset;
  return {
    ...preset,
    ...entry,
    wording: { ...preset.wording, ...entry.wording },
    rules: { ...preset.rules, ...entry.rules },
  };
}
