import { defineRule } from "./rule.js";
import { hasImage, rewrittenPixel } from "../render/links.js";
import { IMAGE_OPT_OUT } from "../render/banner.js";
import { quote } from "../util/text.js";
import type { RenderedContext } from "./context.js";

export default defineRule<RenderedContext, "replaced" | "removed">({
  id: "pixel-kept",
  stage: "rendered",
  severity: "error",
  on: "syndication.pixel (publisher rule pixel)",
  field: "syndication.pixel",
  messages: {
    replaced: {
      message: "is not on the built page: an image transform replaced the tracking image {url} with {local}, so readers' views are not counted",
      fix: `make the transform leave img.syndication-pixel alone (eleventy-img's transform skips an <img> with the ${IMAGE_OPT_OUT} attribute, which the plugin writes: something removed it)`,
    },
    removed: {
      message:
        "is not on the built page: something between the Markdown and the page removed the tracking image {url} (an image transform such as eleventy-img's replaces images it was not told to leave alone with local copies)",
      fix: `write the image in the body as HTML with the ${IMAGE_OPT_OUT} attribute, or leave it out of the body and let the plugin add it, or put {{ {dataKey}.pixel.html | safe }} in the layout`,
    },
  },
  docs: {
    description:
      "The publisher's tracking image (`pixel`) must reach the built page as it is: an image transform that downloads or rewrites it (eleventy-img's) breaks the publisher's count. Checked on the built page, so the pages are written first and the build then fails.",
    language: "html",
    fails: '<img src="/img/Ab12Cd.gif" alt="">',
    passes: '<img class="syndication-pixel" src="https://pixel.propublica.org/pixel.gif?id=3" alt="" eleventy:ignore>',
  },
  check({ html, reprint, options }, report) {
    if (!reprint) return;
    const pixel = reprint.pixel;
    if (!pixel || hasImage(html, pixel.url)) return;
    const local = rewrittenPixel(html, pixel.url);
    if (local !== undefined) report({ messageId: "replaced", data: { url: quote(pixel.url), local: quote(local) } });
    else report({ messageId: "removed", data: { url: quote(pixel.url), dataKey: options.dataKey } });
  },
});
