import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eleventyCli, ROOT } from "../helpers.js";

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
    // One warning a page, at the page (its front matter's first line where it has one), by rule id.
    const warnings = printed.split("\n").filter((line) => line.endsWith("[banner-shown]"));
    expect(warnings.map((line) => line.slice(0, line.indexOf("  content  ") + 11))).toEqual([
      "[11ty] eleventy-plugin-syndication: warning: tests/fixtures/no-banner/reprints/extends.njk:1  content  ",
      "[11ty] eleventy-plugin-syndication: warning: tests/fixtures/no-banner/reprints/script.11ty.js  content  ",
    ]);
    for (const line of warnings) expect(line).toContain("{% syndicationBanner %}");
    expect(printed).not.toContain("shortcode.11ty.js has no attribution banner");
  });

  it("place the banner where a JavaScript template calls the shortcode", () => {
    expect(site.page("/reprints/shortcode/")(".syndication-banner").length).toBe(1);
  });
});

describe("many reprints without a banner", () => {
  it("are summed up in one warning, not one line each", () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-many-"));
    mkdirSync(join(dir, "reprints"));
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    for (let i = 0; i < 7; i++) {
      writeFileSync(
        join(dir, "reprints", `r${i}.md`),
        `---\ntitle: R${i}\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/${i}\n  licence: permission\n---\nText.\n`,
      );
    }
    writeFileSync(
      join(dir, "eleventy.config.ts"),
      `import syndication from ${JSON.stringify(join(ROOT, "plugins", "syndication", "index.ts"))};\n` +
        `export default function (c: any) { c.addPlugin(syndication, { bannerPosition: "none", lockFile: false }); }\n`,
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--config=eleventy.config.ts"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    const lines = (run.stdout + run.stderr).split("\n").filter((l) => l.endsWith("[banner-shown]"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      "eleventy-plugin-syndication: warning: 7 files (reprints/r0.md, reprints/r1.md, reprints/r2.md, reprints/r3.md, reprints/r4.md, and 2 more)  content  ",
    );
  });
});
