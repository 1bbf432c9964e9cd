import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build, fixture, ROOT } from "../helpers.js";
import syndication from "../../plugins/syndication/index.js";

// What Eleventy and npm read of the package: its name for hasPlugin, the versions it accepts, the
// changelog of this version. The packed package is held to the same in package.test.ts.
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

describe("the package as Eleventy and npm see it", () => {
  it("is found by its package name: hasPlugin is false before addPlugin and true after", async () => {
    const seen: boolean[] = [];
    await build(fixture("consumer-plugin-api"), {
      plugin: false,
      config(eleventyConfig) {
        seen.push(eleventyConfig.hasPlugin("eleventy-plugin-syndication"));
        eleventyConfig.addPlugin(syndication, { lockFile: false });
        seen.push(eleventyConfig.hasPlugin("eleventy-plugin-syndication"));
      },
    });
    expect(seen).toEqual([false, true]);
  });

  it("asks Eleventy, through 11ty.compatibility, for the releases its peer range names", () => {
    // versionCheck reads this field (the packed package's test edits it and sees a build refused).
    expect(manifest["11ty"].compatibility).toBe(manifest.peerDependencies["@11ty/eleventy"]);
  });

  it("has an author and the keywords Eleventy's plugin listings search for", () => {
    expect(manifest.author).toBe("The eleventy-plugin-syndication contributors");
    expect(manifest.keywords).toEqual(expect.arrayContaining(["eleventy", "eleventy-plugin", "11ty"]));
  });

  it("has a changelog that starts with this version and ships in the package", () => {
    const changelog = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");
    expect(changelog.match(/^## (\S+)/m)?.[1]).toBe(manifest.version);
    expect(manifest.files).toContain("CHANGELOG.md");
  });
});
