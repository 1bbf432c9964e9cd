import { describe, expect, it } from "vitest";
import { eleventyCli } from "../helpers.js";

// Templates whose content cannot carry the banner: the build says so, file by file.
describe("reprints whose template drops the banner", () => {
  const run = eleventyCli("no-banner", "tests/fixtures/plugin.config.ts");
  const printed = run.stdout + run.stderr;
  const site = run.site;

  it("still build, with the canonical", () => {
    expect(run.status).toBe(0);
    expect(site.page("/reprints/script/")('link[rel="canonical"]').attr("href")).toBe("https://wire.example.com/script");
  });

  it("warn about each page that has no banner, and how to place it", () => {
    const warning = (file: string) =>
      `eleventy-plugin-syndication: tests/fixtures/no-banner/reprints/${file} has no attribution banner: the template's content ` +
      `does not reach the page (a .11ty.js template, or Nunjucks {% extends %}). Put {% syndicationBanner %} ` +
      `(or {{ reprint.banner.html | safe }}) where the credit belongs.`;
    expect(printed).toContain(warning("extends.njk"));
    expect(printed).toContain(warning("script.11ty.js"));
    expect(printed).not.toContain("shortcode.11ty.js has no attribution banner");
  });

  it("place the banner where a JavaScript template calls the shortcode", () => {
    expect(site.page("/reprints/shortcode/")(".syndication-banner").length).toBe(1);
  });
});
