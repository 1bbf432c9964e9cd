// The demo site's config. Run through tsx: see the "build" script in package.json.
import { feedPlugin } from "@11ty/eleventy-plugin-rss";
import syndication from "./plugins/syndication/index.js";
import type { SyndicationOptions } from "./plugins/syndication/index.js";
import site from "./src/_data/site.json" with { type: "json" };
// The plugin's options, here where the site adds it: `eleventy-syndication check` runs this config
// too, so the command and the build apply the same rules. Every option has a default (docs/options.md).
const options: SyndicationOptions = { reprintsDir: "reprints", oldestFirstCollection: "syndicatedOldestFirst" };

export default function (eleventyConfig: any) {
  eleventyConfig.addPlugin(syndication, options);

  // An Atom feed of the reprints: each entry's content starts with the attribution banner.
  eleventyConfig.addPlugin(feedPlugin, {
    type: "atom",
    outputPath: "/feed.xml",
    collection: { name: "syndicatedOldestFirst", limit: 20 },
    metadata: { language: site.lang, title: site.title, subtitle: site.description, base: `${site.url}/`, author: { name: site.title } },
  });

  eleventyConfig.addPassthroughCopy({ "src/assets": "assets" });
  return {
    dir: { input: "src", includes: "../_includes", data: "_data" },
    markdownTemplateEngine: "njk",
  };
}
