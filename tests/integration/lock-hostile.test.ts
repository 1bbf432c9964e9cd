import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { cli, fixture, ROOT } from "../helpers.js";
import type { Finding } from "../../plugins/syndication/index.js";

/**
 * A project laid out as sites are (src/ in, _site/ out, the lock at the root), in a temporary
 * folder, built with the Eleventy command line from there.
 */
function project(lock: string, extraConfig = "") {
  const dir = mkdtempSync(join(tmpdir(), "syndication-hostile-lock-"));
  cpSync(join(ROOT, fixture("lock-site")), join(dir, "src"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "syndication.lock.json"), lock);
  writeFileSync(
    join(dir, "eleventy.config.ts"),
    `import syndication from ${JSON.stringify(join(ROOT, "plugins", "syndication", "index.ts"))};\n` +
      `export default function (eleventyConfig: any) {\n  eleventyConfig.addPlugin(syndication);\n${extraConfig}\n  return { dir: { input: "src" } };\n}\n`,
  );
  const build = () =>
    spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--config=eleventy.config.ts"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, CI: "" },
    });
  return { dir, build };
}

/** Every file under a folder (links not followed), with a digest of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.name === "node_modules") continue;
      if (entry.isDirectory()) walk(full);
      else files.set(relative(dir, full), lstatSync(full).isSymbolicLink() ? "link" : createHash("sha256").update(readFileSync(full)).digest("hex"));
    }
  };
  walk(dir);
  return files;
}

/** What a run wrote or changed: new files and files whose bytes differ. */
const written = (before: Map<string, string>, after: Map<string, string>) => [...after].filter(([file, digest]) => before.get(file) !== digest).map(([file]) => file).sort();

const KEPT = { url: "/reprints/2022/01/kept/", file: "src/reprints/kept.md" };
const MOVED = { url: "/reprints/2022/02/moved/", file: "src/reprints/moved.md" };

const HOSTILE = `{
  "version": 1,
  "reprints": {
    "https://wire.example.com/kept": {
      "url": "/reprints/2022/01/kept/",
      "file": "src/reprints/kept.md",
      "previousUrls": [
        "../src/reprints/kept.md",
        "/../../eleventy.config.ts/",
        "/%2e%2e/%2e%2e/src/about/"
      ]
    },
    "https://wire.example.com/moved": {
      "url": "javascript:alert(document.domain)//",
      "file": "src/reprints/moved.md"
    },
    "__proto__": { "url": "/x/", "file": "x.md" }
  }
}
`;

const EXPECTED = [
  "syndication.lock.json:8  previousUrls[0]  \"../src/reprints/kept.md\" does not start with /, write the path the page had on this site, starting with / and ending with / or .html, such as /reprints/old-name/  [lock-valid]",
  "syndication.lock.json:9  previousUrls[1]  \"/../../eleventy.config.ts/\" has a \"..\" segment, which would lead out of the page's folder, write the path the page had on this site, starting with / and ending with / or .html, such as /reprints/old-name/  [lock-valid]",
  "syndication.lock.json:10  previousUrls[2]  \"/%2e%2e/%2e%2e/src/about/\" has a \"%2e%2e\" segment, which would lead out of the page's folder, write the path the page had on this site, starting with / and ending with / or .html, such as /reprints/old-name/  [lock-valid]",
  "syndication.lock.json:14  url  \"javascript:alert(document.domain)//\" is a full address with a scheme, not a path on this site, write the path the page had on this site, starting with / and ending with / or .html, such as /reprints/old-name/  [lock-valid]",
  "syndication.lock.json:17  reprints  has the key \"__proto__\", which is a name JavaScript reserves, and not the address of an original article, key each entry by the reprint's syndication.originalUrl (https://…)  [lock-valid]",
];

describe("a hostile lock file", () => {
  it("stops the build before anything is written: no page, no redirect outside the output folder, no source file changed", () => {
    const site = project(HOSTILE);
    const before = snapshot(site.dir);
    const run = site.build();
    expect(run.status).toBe(1);
    const printed = run.stderr.replace(/^\[11ty\] /gm, "");
    expect(printed).toContain(`eleventy-plugin-syndication: 5 problems in 1 reprint:\n${EXPECTED.join("\n")}\n`);
    expect(printed).not.toMatch(/^\s+at /m);
    // Every file of the project as it was: nothing written anywhere, the lock included.
    expect(snapshot(site.dir)).toEqual(before);
  });

  it("gives check the same problems as the build", () => {
    const site = project(HOSTILE);
    const run = cli(["check", "--format", "json"], site.dir);
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
    const problems = findings.map((p) => `${p.file}:${p.line}  ${p.field}  ${p.message}, ${p.fix}  [${p.rule}]`);
    expect(findings.every((p) => p.severity === "error")).toBe(true);
    expect(problems).toEqual(EXPECTED);
  });

  it("lets a valid lock write its redirect pages, and nothing outside the output folder", () => {
    const lock = { version: 1, reprints: { "https://wire.example.com/kept": { ...KEPT, previousUrls: ["/old/kept.html", "/reprints/kept-old/"] }, "https://wire.example.com/moved": { ...MOVED, previousUrls: ["/reprints/moved-old/"] } } };
    const site = project(`${JSON.stringify(lock, null, 2)}\n`);
    const before = snapshot(site.dir);
    const run = site.build();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(written(before, snapshot(site.dir))).toEqual([
      "_site/about/index.html",
      "_site/old/kept.html",
      "_site/reprints/2022/01/kept/index.html",
      "_site/reprints/2022/02/moved/index.html",
      "_site/reprints/kept-old/index.html",
      "_site/reprints/moved-old/index.html",
    ]);
  });
});

describe("a lock the build cannot write", () => {
  const NEW = '{ "version": 1, "reprints": {} }\n';

  it("that is a folder: one line naming it and the cause, no stack trace, before any page", () => {
    const site = project(NEW);
    rmSync(join(site.dir, "syndication.lock.json"));
    mkdirSync(join(site.dir, "syndication.lock.json"));
    const run = site.build();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("syndication.lock.json  lock  cannot be read: it is a folder, not a file (EISDIR), make it a readable file, or set the plugin's lockFile option to where the lock is");
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(site.dir)).not.toContain("_site");
  });

  it("when the write itself fails at the end: the pages stay, the lock is as it was, and the message has no stack trace", () => {
    // Between the check and the write, something takes the lock's place (a folder): the write
    // fails as a full disk would make it fail, after the pages were written.
    const site = project(NEW, `  eleventyConfig.addTransform("take-the-lock's-place", (content: string) => { const fs = require("node:fs"); fs.rmSync("syndication.lock.json", { force: true, recursive: true }); fs.mkdirSync("syndication.lock.json"); return content; });`);
    const run = site.build();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "eleventy-plugin-syndication: syndication.lock.json cannot be written: it is a folder, not a file (EISDIR). The pages were written; the lock was left as it was: build again once it can be written.",
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(join(site.dir, "_site"))).toContain("reprints");
    expect(readdirSync(site.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
