import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installConsumer, pack } from "../consumer.js";
import { fixture, jsonLd, listFiles, ROOT, site as readSite, words } from "../helpers.js";

// `npm pack`, then sites outside this repository install the tarball as users do and build
// with the Eleventy command line. The install is `npm ci --offline` from a lock derived from this
// repository's: every package comes from the cache `npm ci` of this repository filled.
describe("the packed package, installed into sites outside the repository", () => {
  const work = mkdtempSync(join(tmpdir(), "syndication-consumer-"));
  const install = installConsumer(work, pack(work), ["@11ty/eleventy"]);
  const eleventy = (name: string) => {
    const dir = join(work, name);
    cpSync(join(ROOT, fixture(name)), dir, { recursive: true });
    const run = spawnSync(process.execPath, [join(work, "node_modules", "@11ty", "eleventy", "cmd.cjs")], {
      cwd: dir,
      encoding: "utf8",
    });
    return { run, site: readSite(join(dir, "_site")) };
  };

  it("installs from the tarball", () => {
    expect(install.stderr).toBe("");
    expect(install.status).toBe(0);
  });

  it("ships compiled JavaScript with type declarations, and no TypeScript sources or tests", () => {
    const files = listFiles(join(work, "node_modules", "eleventy-plugin-syndication"));
    expect(files).toEqual(
      expect.arrayContaining(["LICENSE", "README.md", "package.json", "dist/index.js", "dist/index.d.ts", "dist/types.d.ts"]),
    );
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((f) => /^(tests|src|plugins)\//.test(f))).toEqual([]);
    // require() gets the plugin through an export named "module.exports", which the declarations
    // leave out: TypeScript before 5.6 cannot parse such a name, even with skipLibCheck.
    const installed = join(work, "node_modules", "eleventy-plugin-syndication", "dist");
    expect(readFileSync(join(installed, "index.js"), "utf8")).toContain('export { syndication as "module.exports" };');
    expect(readFileSync(join(installed, "index.d.ts"), "utf8")).not.toContain("module.exports");
  });

  it("builds a Nunjucks site with a plain-JavaScript config", () => {
    const { run, site } = eleventy("consumer-njk");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const $ = site.page("/reprints/2025/04/cc-sample/");
    expect(words($(".syndication-credit").text())).toBe(
      "This article by Mary Somerville was originally published by The Conversation and is republished under the " +
        "Creative Commons Attribution No Derivatives 4.0 International licence.",
    );
    expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual([
      "https://theconversation.com/a-consumer-sample-1",
    ]);
    expect($('meta[property="og:url"]').attr("content")).toBe("https://theconversation.com/a-consumer-sample-1");
    expect(jsonLd($)[0]).toMatchObject({ "@type": "NewsArticle", isBasedOn: "https://theconversation.com/a-consumer-sample-1" });
    const home = site.page("/");
    expect(home('link[rel="canonical"]').attr("href")).toBe("https://consumer.example/");
    expect(home('meta[property="og:url"]').attr("content")).toBe("https://consumer.example/");
    expect(home(".syndication-banner").length + jsonLd(home).length).toBe(0);
  });

  it("installs the eleventy-syndication command, which checks the site as its build does", () => {
    const dir = join(work, "consumer-njk");
    const run = spawnSync("npx", ["--no-install", "eleventy-syndication", "check"], { cwd: dir, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("1 reprint checked: no problems.");
    expect(run.status).toBe(0);
    const report = spawnSync("npx", ["--no-install", "eleventy-syndication", "report", "--format", "csv"], { cwd: dir, encoding: "utf8" });
    expect(report.stdout).toContain("reprints/cc-sample.md,The Conversation,CC BY-ND 4.0,2025-04-02,live,,/reprints/2025/04/cc-sample/");
  });

  it("builds a Liquid site with its own reprints folder and indexing mode", () => {
    const { run, site } = eleventy("consumer-liquid");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const $ = site.page("/reprints/2025/05/pd-sample/");
    expect(words($(".syndication-credit").text())).toBe(
      "This article was originally published by Voice of America and is in the public domain.",
    );
    expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual([
      "https://www.voanews.com/a/consumer-sample/1.html",
    ]);
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    const about = site.page("/about/");
    expect(about('link[rel="canonical"]').attr("href")).toBe("https://liquid.example/about/");
    expect(about('meta[name="robots"]').length + about(".syndication-banner").length).toBe(0);
  });

  it("passes publint and Are the Types Wrong (ESM-only profile)", () => {
    const publint = spawnSync("npx", ["--no-install", "publint", "--strict"], { cwd: ROOT, encoding: "utf8" });
    expect(publint.stdout).toContain("All good!");
    expect(publint.status).toBe(0);
    const attw = spawnSync("npx", ["--no-install", "attw", "--pack", ".", "--profile", "esm-only", "--format", "json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(attw.status).toBe(0);
    const problems = JSON.parse(attw.stdout).analysis.problems as Array<{ kind: string; resolutionKind?: string }>;
    // ESM, by design: the one thing it may say is that CommonJS `require` gets ESM (which Node 20.19+
    // loads; its "module.exports" export makes require() return the plugin itself).
    expect(problems.filter((p) => p.kind !== "CJSResolvesToESM")).toEqual([]);
  });
});
