/**
 * Synthetic sites for the benchmark: N reprints with bodies like the seed article, a realistic mix
 * of sources and licences, and a layout like the demo's; the control site has the same Markdown
 * and layout but no plugin.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SOURCES = [
  { source: "rferl", licence: undefined },
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

/** The seed's body: its paragraphs, without the credit line. */
function seedBody(root: string): string {
  const shared = join(root, "..", "shared", "seed", "rferl-putin-talks.txt");
  const file = existsSync(shared) ? shared : join(root, "tests", "fixtures", "rferl-putin-talks.txt");
  return readFileSync(file, "utf8").trim().split("\n").slice(1).join("\n\n");
}

export const PLUGIN_CONFIG = (pluginPath: string) => `import syndication from ${JSON.stringify(pluginPath)};
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(syndication, {
    sources: { rferl: { name: "Radio Free Europe/Radio Liberty", url: "https://www.rferl.org/", licence: "permission" } },
  });
}
`;

export const CONTROL_CONFIG = `export default function (eleventyConfig) {}
`;

/** Write a site of n reprints into dir (replacing it), with the given config file text. */
export function generateSite(root: string, dir: string, n: number, config: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src", "reprints"), { recursive: true });
  mkdirSync(join(dir, "src", "_includes"), { recursive: true });
  writeFileSync(join(dir, "src", "_includes", "reprint.njk"), LAYOUT);
  writeFileSync(join(dir, "src", "reprints", "reprints.11tydata.json"), JSON.stringify({ layout: "reprint.njk" }));
  writeFileSync(join(dir, "eleventy.config.mjs"), config);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
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
      ...(licence ? [`  licence: ${licence}`] : []),
      `  published: ${day}`,
      ...(i % 3 === 0 ? ["  author: Staff Writer"] : []),
      "---",
      body,
      "",
    ];
    writeFileSync(join(dir, "src", "reprints", `story-${i}.md`), lines.join("\n"));
  }
}
