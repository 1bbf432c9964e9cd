import semver from "semver";
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

  it("asks Eleventy, through 11ty.compatibility, for Eleventy 3 or later: every release tested, never Eleventy 2", () => {
    // versionCheck reads this field (the packed package's test edits it and sees a build refused).
    // The peer range names exactly the releases tested (npm warns at install); the build itself
    // refuses only an Eleventy it cannot work with, so a newer 4.0 prerelease is not stopped.
    const range = manifest["11ty"].compatibility;
    expect(range).toBe(">=3.0.0");
    for (const version of ["3.0.0", "3.1.8", "4.0.0-alpha.10"]) {
      expect(semver.satisfies(version, range, { includePrerelease: true }), version).toBe(true);
      expect(semver.satisfies(version, manifest.peerDependencies["@11ty/eleventy"], { includePrerelease: true }), version).toBe(true);
    }
    expect(semver.satisfies("2.0.1", range, { includePrerelease: true })).toBe(false);
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
