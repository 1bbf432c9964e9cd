// The demo site's config. Run through tsx: see the "build" script in package.json.
import syndication from "./plugins/syndication/index.js";
import type { SyndicationOptions } from "./plugins/syndication/index.js";

// Every option has a default (see the README); the demo only says where its reprints live.
const options: SyndicationOptions = { reprintsDir: "reprints" };

export default function (eleventyConfig: any) {
  eleventyConfig.addPlugin(syndication, options);
  eleventyConfig.addPassthroughCopy({ "src/assets": "assets" });
  return {
    dir: { input: "src", includes: "../_includes", data: "_data" },
    markdownTemplateEngine: "njk",
  };
}
