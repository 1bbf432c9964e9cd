/**
 * Synthetic sites for the benchmark: N reprints with bodies like the seed article and a realistic
 * mix of sources and licences, in three variants that share the Markdown:
 * - plugin: the plugin, and a layout like the demo's (with its own canonical, which the plugin replaces);
 * - hand-rolled: what a site owner writes without the plugin: a layout that prints the credit and a
 *   canonical link from front matter, a directory data file with tags, a computed permalink and a
 *   check that source, originalUrl and licence are there;
 * - bare: plain Eleventy, the demo-like layout and nothing else.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const SOURCES = [
  // The plugin's sources option gives RFE/RL's licence too; the hand-rolled site needs it written.
  { source: "rferl", licence: "permission" },
  { source: "The Conversation", licence: "CC-BY-ND-4.0" },
  { source: "ProPublica", licence: "CC-BY-NC-ND-3.0" },
  { source: "Voice of America", licence: "public-domain" },
  { source: "Example Wire", licence: "permission" },
  { source: "Global Voices", licence: "CC-BY-4.0" },
];

const LAYOUT = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · The Reprint Desk</title>
<link rel="canonical" href="https://reprints.example.org{{ page.url }}">
<meta property="og:url" content="https://reprints.example.org{{ page.url }}">
<meta property="og:title" content="{{ title }}">
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<header class="site-header"><a href="/">The Reprint Desk</a></header>
<main id="main">
<article class="reprint">
<h1>{{ title }}</h1>
{{ content | safe }}
</article>
</main>
<footer class="site-footer"><p>The Reprint Desk</p></footer>
</body>
</html>
`;

/** The hand-rolled layout: the credit and the canonical link, from front matter. */
const HAND_ROLLED_LAYOUT = LAYOUT.replace(
  /<link rel="canonical"[^\n]*\n<meta property="og:url"[^\n]*\n/,
  '<link rel="canonical" href="{{ syndication.originalUrl }}">\n<meta property="og:url" content="{{ syndication.originalUrl }}">\n',
).replace(
  "<h1>{{ title }}</h1>\n",
  '<h1>{{ title }}</h1>\n<p class="credit">This article{% if syndication.author %} by {{ syndication.author }}{% endif %} was originally published by ' +
    '<a href="{{ syndication.originalUrl }}">{{ syndication.source }}</a> ({{ syndication.licence }}).</p>\n',
);

/** The hand-rolled reprints folder's data: layout, a tag, the three fields checked, the address from the original date. */
const HAND_ROLLED_DATA = `const FIELDS = ["source", "originalUrl", "licence"];
export default {
  layout: "reprint.njk",
  tags: ["reprints"],
  eleventyDataSchema(data) {
    const missing = FIELDS.filter((field) => !data.syndication?.[field]);
    if (missing.length > 0) throw new Error(\`\${data.page.inputPath}: syndication needs \${missing.join(", ")}\`);
  },
  eleventyComputed: {
    permalink(data) {
      const date = data.syndication?.published;
      const month = date instanceof Date ? \`\${date.getUTCFullYear()}/\${String(date.getUTCMonth() + 1).padStart(2, "0")}/\` : "";
      return \`/reprints/\${month}\${data.page.fileSlug}/\`;
    },
  },
};
`;

const EMPTY_CONFIG = `export default function (eleventyConfig) {}
`;
const LAYOUT_DATA = JSON.stringify({ layout: "reprint.njk" });
const RFERL = { rferl: { name: "Radio Free Europe/Radio Liberty", url: "https://www.rferl.org/", licence: "permission" } };

export const VARIANTS = ["plugin", "hand-rolled", "bare"] as const;
export type Variant = (typeof VARIANTS)[number];

/** A variant's own files (path in the site → text); the plugin's config imports the compiled plugin. */
function variantFiles(variant: Variant, pluginPath: string): Record<string, string> {
  switch (variant) {
    case "plugin":
      return {
        "eleventy.config.mjs": `import syndication from ${JSON.stringify(pluginPath)};
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(syndication, { sources: ${JSON.stringify(RFERL)} });
}
`,
        "src/_includes/reprint.njk": LAYOUT,
        "src/reprints/reprints.11tydata.json": LAYOUT_DATA,
      };
    case "hand-rolled":
      return {
        "eleventy.config.mjs": EMPTY_CONFIG,
        "src/_includes/reprint.njk": HAND_ROLLED_LAYOUT,
        "src/reprints/reprints.11tydata.js": HAND_ROLLED_DATA,
      };
    case "bare":
      return { "eleventy.config.mjs": EMPTY_CONFIG, "src/_includes/reprint.njk": LAYOUT, "src/reprints/reprints.11tydata.json": LAYOUT_DATA };
  }
}

/** The seed's body: its paragraphs, without the credit line. */
function seedBody(root: string): string {
  const shared = join(root, "..", "shared", "seed", "rferl-putin-talks.txt");
  const file = existsSync(shared) ? shared : join(root, "tests", "fixtures", "rferl-putin-talks.txt");
  return readFileSync(file, "utf8").trim().split("\n").slice(1).join("\n\n");
}

/** Write a site of n reprints into dir (replacing it), as the given variant. */
export function generateSite(root: string, dir: string, n: number, variant: Variant, pluginPath: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src", "reprints"), { recursive: true });
  const files = { "package.json": JSON.stringify({ private: true, type: "module" }), ...variantFiles(variant, pluginPath) };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const body = seedBody(root);
  for (let i = 0; i < n; i++) {
    const { source, licence } = SOURCES[i % SOURCES.length]!;
    const day = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000 * 0.9).toISOString().slice(0, 10);
    const lines = [
      "---",
      `title: "Reprint number ${i}: talks with NATO on security guarantees"`,
      "syndication:",
      `  source: ${source}`,
      `  originalUrl: https://publisher${i % SOURCES.length}.example.com/a/story-${i}.html`,
      `  licence: ${licence}`,
      `  published: ${day}`,
      ...(i % 3 === 0 ? ["  author: Staff Writer"] : []),
      "---",
      body,
      "",
    ];
    writeFileSync(join(dir, "src", "reprints", `story-${i}.md`), lines.join("\n"));
  }
}
