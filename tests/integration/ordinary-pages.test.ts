import { describe, expect, it } from "vitest";
import { build, fixture } from "../helpers.js";

// The same site built with and without the plugin: pages that are not reprints must not change.
describe("pages that are not reprints", async () => {
  const sources = { rferl: { name: "Radio Free Europe/Radio Liberty", licence: "permission" } };
  const withPlugin = await build(fixture("njk-site"), { plugin: { sources } });
  // The home page lists reprints with the plugin's filter: without the plugin, a stand-in lists none.
  const without = await build(fixture("njk-site"), { plugin: false, config: (c) => c.addFilter("reprints", () => []) });

  it("are byte for byte what Eleventy writes without the plugin", () => {
    for (const url of ["/about/", "/custom/a-page-with-its-own-permalink/"]) {
      expect(withPlugin.raw(url)).toBe(without.raw(url));
    }
  });

  it("keep their addresses, including a permalink written as a template", () => {
    // features/outside.md has syndication: it is a reprint, and moves.
    const ordinary = (files: string[]) => files.filter((f) => !/^(reprints|kept|features)\//.test(f));
    expect(ordinary(withPlugin.files)).toEqual(ordinary(without.files));
    expect(withPlugin.files).toContain("custom/a-page-with-its-own-permalink/index.html");
  });

  it("while the reprints themselves do change", () => {
    const url = "/reprints/2021/12/rferl-permission/";
    expect(withPlugin.raw(url)).toContain('class="syndication-banner"');
    // Without the plugin the page lands at Eleventy's default address instead.
    expect(without.files).toContain("reprints/rferl-permission/index.html");
  });
});
