import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonLd, listFiles, ROOT, site as readSite, words } from "../helpers.js";

// `npm pack`, then a site that knows nothing of this repository installs the tarball's files
// and builds with a plain-JavaScript config. The site sits under test-output/ so that the
// package's own dependencies resolve from this repository's node_modules, with no network.
describe("the packed package", () => {
  mkdirSync(join(ROOT, "test-output"), { recursive: true });
  const work = mkdtempSync(join(ROOT, "test-output", "consumer-"));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: ROOT, stdio: "pipe" });
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"))!;
  const installed = join(work, "site", "node_modules", "eleventy-plugin-syndication");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(work, tarball), "-C", installed, "--strip-components=1"]);

  it("holds compiled JavaScript with type declarations, and no TypeScript sources or tests", () => {
    const files = listFiles(installed);
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "dist/index.js", "dist/index.d.ts", "dist/types.d.ts"]));
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((f) => f.startsWith("tests/") || f.startsWith("src/"))).toEqual([]);
  });

  it("builds a plain-JavaScript Eleventy site that imports it by name", () => {
    const siteDir = join(work, "site");
    mkdirSync(join(siteDir, "reprints"), { recursive: true });
    mkdirSync(join(siteDir, "_includes"), { recursive: true });
    writeFileSync(join(siteDir, "package.json"), JSON.stringify({ type: "module", private: true }));
    writeFileSync(
      join(siteDir, "eleventy.config.js"),
      `import syndication from "eleventy-plugin-syndication";\n` +
        `export default function (eleventyConfig) {\n  eleventyConfig.addPlugin(syndication, { sources: { wire: { name: "Example Wire", licence: "permission" } } });\n}\n`,
    );
    writeFileSync(
      join(siteDir, "_includes", "base.njk"),
      `<!doctype html><html><head><title>{{ title }}</title><link rel="canonical" href="https://me.example{{ page.url }}"></head><body>{{ content | safe }}</body></html>`,
    );
    writeFileSync(join(siteDir, "reprints", "reprints.11tydata.json"), JSON.stringify({ layout: "base.njk" }));
    writeFileSync(
      join(siteDir, "reprints", "story.md"),
      `---\ntitle: A wire story\nsyndication:\n  source: wire\n  originalUrl: https://wire.example.com/story\n  published: 2024-02-29\n---\nText.\n`,
    );
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs")], {
      cwd: siteDir,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const built = readSite(join(siteDir, "_site"));
    const $ = built.page("/reprints/2024/02/story/");
    expect(words($(".syndication-credit").text())).toBe(
      "This article was originally published by Example Wire and is reprinted with permission.",
    );
    expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual(["https://wire.example.com/story"]);
    expect(jsonLd($)[0].isBasedOn).toBe("https://wire.example.com/story");
  });
});
