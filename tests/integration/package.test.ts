import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as cheerio from "cheerio";
import semver from "semver";
import { eleventyReleases, installConsumer, pack } from "../consumer.js";
import { fixture, jsonLd, listFiles, ROOT, site as readSite, withoutTimingNotes, words } from "../helpers.js";

// `npm pack`, then sites outside this repository install the tarball as users do and build
// with the Eleventy command line, once with each Eleventy release of this repository's
// devDependencies (`@11ty/eleventy` and its aliases). The install is `npm ci --offline` from a
// lock derived from this repository's: every package comes from the cache `npm ci` filled.
const work = mkdtempSync(join(tmpdir(), "syndication-consumer-"));
const tarball = pack(work);
const RELEASES = eleventyReleases();

describe("the packed package", () => {
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

  it("promises, as its peer range, the Eleventy releases it is tested with and no other", () => {
    const { peerDependencies } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { peerDependencies: Record<string, string> };
    const range = peerDependencies["@11ty/eleventy"]!;
    const tested = RELEASES.map((r) => r.version);
    // The oldest 3.x supported, the newest 3.x, and a 4.0 prerelease.
    expect(tested.map((v) => semver.major(v))).toEqual([3, 3, 4]);
    expect(semver.prerelease(tested[2]!)).not.toBeNull();
    for (const version of tested) expect(semver.satisfies(version, range), `${version} in ${range}`).toBe(true);
    // From the oldest tested 3.x to the next major; of 4.0, the tested prerelease alone (npm matches a
    // prerelease only where the range names it, so each new alpha is added when it is tested).
    expect(semver.minVersion(range)?.version).toBe(tested[0]);
    expect(semver.satisfies(semver.inc(tested[0]!, "patch")!, range)).toBe(true);
    for (const untested of ["2.0.1", "5.0.0", "4.0.0", semver.inc(tested[2]!, "prerelease")!]) {
      if (untested === tested[0]) continue;
      expect(semver.satisfies(untested, range), `${untested} in ${range}`).toBe(false);
    }
  });
});

describe.each(RELEASES)("the packed package, installed with Eleventy $version ($folder)", ({ folder, version, node, needs }) => {
  // Eleventy 4 needs a newer Node than this repository's: tests/node22 brings one (npm run setup:node22).
  const skip = node === undefined && !process.env.CI;
  if (skip) console.warn(`Eleventy ${version} skipped: it needs Node ${needs}; install one with: npm run setup:node22`);
  // Under CI every test fails without that Node.
  const runtime = () => {
    if (node === undefined) throw new Error(`Eleventy ${version} needs Node ${needs}: run npm run setup:node22`);
    return node;
  };
  const dir = join(work, folder.replace("/", "+"));
  // Each command runs on that Node, `npx` and the command's `#!/usr/bin/env node` too.
  const env = () => ({ ...process.env, PATH: `${dirname(runtime())}:${process.env.PATH}` });
  let install: ReturnType<typeof installConsumer> | undefined;
  // Build a fixture copied to `at` (a folder under `dir`), with the Eleventy command's `args`.
  const eleventy = (name: string, args: string[] = [], at = name) => {
    const site = join(dir, at);
    cpSync(join(ROOT, fixture(name)), site, { recursive: true });
    const cmd = join(dir, "node_modules", "@11ty", "eleventy", "cmd.cjs");
    const run = spawnSync(runtime(), [cmd, ...args], { cwd: site, encoding: "utf8", env: env() });
    return { run, output: join(site, "_site"), site: () => readSite(join(site, "_site")) };
  };
  const npx = (cwd: string, args: string[]) => spawnSync("npx", ["--no-install", ...args], { cwd: join(dir, cwd), encoding: "utf8", env: env() });

  beforeAll(() => {
    if (node === undefined) return;
    mkdirSync(dir);
    cpSync(join(work, tarball), join(dir, tarball));
    install = installConsumer(dir, tarball, [folder, "@11ty/eleventy-plugin-rss"]);
  }, 120_000);

  it.skipIf(skip)("installs from the tarball, beside that Eleventy", () => {
    runtime();
    expect(install?.stderr).toBe("");
    expect(install?.status).toBe(0);
    const installed = JSON.parse(readFileSync(join(dir, "node_modules", "@11ty", "eleventy", "package.json"), "utf8"));
    expect(installed.version).toBe(version);
    const files = listFiles(join(dir, "node_modules", "eleventy-plugin-syndication"));
    expect(files).toEqual(
      expect.arrayContaining(["LICENSE", "README.md", "CHANGELOG.md", "package.json", "dist/index.js", "dist/index.d.ts", "dist/types.d.ts"]),
    );
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((f) => /^(tests|src|plugins)\//.test(f))).toEqual([]);
    // require() gets the plugin through an export named "module.exports", which the declarations
    // leave out: TypeScript before 5.6 cannot parse such a name, even with skipLibCheck.
    const dist = join(dir, "node_modules", "eleventy-plugin-syndication", "dist");
    expect(readFileSync(join(dist, "index.js"), "utf8")).toContain('export { syndication as "module.exports" };');
    expect(readFileSync(join(dist, "index.d.ts"), "utf8")).not.toContain("module.exports");
  });

  it.skipIf(skip)("builds a Nunjucks site with a plain-JavaScript config, and its feed", () => {
    const { run, site: built } = eleventy("consumer-njk");
    expect(withoutTimingNotes(run.stderr)).toBe("");
    expect(run.status).toBe(0);
    // Eleventy's last line names its version: "Wrote 3 files in 0.4 seconds (v3.1.8)".
    expect(run.stdout).toMatch(new RegExp(`[ (]v${version.replace(/\./g, "\\.")}[,)]`));
    const site = built();
    const $ = site.page("/reprints/2025/04/cc-sample/");
    const credit =
      "This article by Mary Somerville was originally published by The Conversation and is republished under the " +
      "Creative Commons Attribution No Derivatives 4.0 International licence.";
    expect(words($(".syndication-credit").text())).toBe(credit);
    expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual([
      "https://theconversation.com/a-consumer-sample-1",
    ]);
    expect($('meta[property="og:url"]').attr("content")).toBe("https://theconversation.com/a-consumer-sample-1");
    expect(jsonLd($)[0]).toMatchObject({ "@type": "NewsArticle", isBasedOn: "https://theconversation.com/a-consumer-sample-1" });
    const home = site.page("/");
    expect(home('link[rel="canonical"]').attr("href")).toBe("https://consumer.example/");
    expect(home('meta[property="og:url"]').attr("content")).toBe("https://consumer.example/");
    expect(home(".syndication-banner").length + jsonLd(home).length).toBe(0);
    // The feed's collection is the plugin's, filled once every page was read.
    const feed = cheerio.load(site.raw("/feed.xml"), { xml: true });
    expect(feed("entry link").toArray().map((l) => feed(l).attr("href"))).toEqual(["https://consumer.example/reprints/2025/04/cc-sample/"]);
    expect(words(cheerio.load(feed("entry content").text())(".syndication-credit").text())).toBe(credit);
  });

  it.skipIf(skip)("installs the eleventy-syndication command, which checks the site as its build does", () => {
    const run = npx("consumer-njk", ["eleventy-syndication", "check"]);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("1 reprint checked: no problems.");
    expect(run.status).toBe(0);
    const report = npx("consumer-njk", ["eleventy-syndication", "report", "--format", "csv"]);
    expect(report.stdout).toContain("reprints/cc-sample.md,The Conversation,CC BY-ND 4.0,2025-04-02,live,,/reprints/2025/04/cc-sample/");
  });

  it.skipIf(skip)("builds a Liquid site with its own reprints folder and indexing mode", () => {
    const { run, site: built } = eleventy("consumer-liquid");
    expect(withoutTimingNotes(run.stderr)).toBe("");
    expect(run.status).toBe(0);
    const site = built();
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

  it.skipIf(skip)("is known to Eleventy by its package name: hasPlugin, in ESM and CommonJS configs", () => {
    for (const [args, at] of [[[], "plugin-api-esm"], [["--config=commonjs.config.cjs"], "plugin-api-cjs"]] as const) {
      const { run, site: built } = eleventy("consumer-plugin-api", [...args], at);
      expect(withoutTimingNotes(run.stderr)).toBe("");
      expect(run.status).toBe(0);
      expect(built().page("/")(".has-plugin").text()).toBe("before addPlugin: false; after: true");
    }
  });

  it.skipIf(skip)("refuses, by the versionCheck of its package.json's 11ty.compatibility, an Eleventy outside that range", () => {
    // A copy of the installed plugin whose package.json asks for Eleventy 2, in a folder of its own
    // beside the site (its dependencies are found in the site's node_modules above it).
    const copy = join(dir, "pinned", "node_modules", "eleventy-plugin-syndication");
    cpSync(join(dir, "node_modules", "eleventy-plugin-syndication"), copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, "package.json"), "utf8"));
    writeFileSync(join(copy, "package.json"), JSON.stringify({ ...manifest, "11ty": { compatibility: "^2.0.0" } }));
    const { run, output } = eleventy("consumer-plugin-api", [], join("pinned", "site"));
    expect(run.status).toBe(1);
    const printed = run.stderr.replace(/^\[11ty\] /gm, "");
    // Eleventy names the plugin by its eleventyPackage, and the range it read.
    expect(printed).toContain("Error processing the `eleventy-plugin-syndication` plugin");
    expect(printed).toContain(`We found Eleventy version '${version}' which does not meet the required version range: '^2.0.0'.`);
    expect(listFiles(output)).toEqual([]);
  });

  it.skipIf(skip)("fails a build with broken reprints with one report, unreadable YAML included, and no stack trace", () => {
    const { run, output } = eleventy("consumer-broken");
    expect(run.status).toBe(1);
    const printed = run.stderr.replace(/^\[11ty\] /gm, "");
    expect(printed).toContain("eleventy-plugin-syndication: 2 problems in 2 reprints:");
    expect(printed).toContain(
      "reprints/bad-yaml.md:5  front matter  cannot be read: bad indentation of a mapping entry (column 15), correct the YAML between the --- lines",
    );
    expect(printed).toContain(
      "reprints/no-licence.md:3  syndication.licence  is missing, say on what terms you reprint it: permission, public-domain, a Creative Commons id such as CC-BY-4.0, or { name, url }",
    );
    expect(printed).not.toMatch(/^\s+at /m);
    expect(listFiles(output)).toEqual([]);
  });
});
