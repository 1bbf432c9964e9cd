import { afterEach, describe, expect, it } from "vitest";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, fixture, listFiles, type BuiltSite } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";

const F = "tests/fixtures/lock-site/reprints";
const KEPT = { url: "/reprints/2022/01/kept/", file: `${F}/kept.md` };
const MOVED = { url: "/reprints/2022/02/moved/", file: `${F}/moved.md` };

/** A lock file in a fresh folder, with the given entries (none: no file). */
function lockWith(reprints?: Record<string, unknown>): string {
  const path = join(mkdtempSync(join(tmpdir(), "syndication-lock-")), "syndication.lock.json");
  if (reprints) writeFileSync(path, JSON.stringify({ version: 1, reprints }, null, 2) + "\n");
  return path;
}
const readLock = (path: string) => JSON.parse(readFileSync(path, "utf8"));

async function failure(lockFile: string, extra: object = {}): Promise<SyndicationError> {
  const output = mkdtempSync(join(tmpdir(), "syndication-lock-out-"));
  const error = await build(fixture("lock-site"), { plugin: { lockFile, ...extra }, output }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SyndicationError);
  expect(listFiles(output)).toEqual([]);
  return error as SyndicationError;
}

const ci = process.env.CI;
afterEach(() => {
  if (ci === undefined) delete process.env.CI;
  else process.env.CI = ci;
});

describe("the permalink lock", () => {
  it("records new reprints in a stable, sorted file, and leaves it alone when nothing changed", async () => {
    delete process.env.CI;
    const lockFile = lockWith();
    await build(fixture("lock-site"), { plugin: { lockFile } });
    const text = readFileSync(lockFile, "utf8");
    expect(text).toBe(
      JSON.stringify(
        {
          version: 1,
          reprints: {
            "https://wire.example.com/kept": KEPT,
            "https://wire.example.com/moved": { ...MOVED, previousUrls: ["/reprints/moved-old/"] },
          },
        },
        null,
        2,
      ) + "\n",
    );
    await build(fixture("lock-site"), { plugin: { lockFile } });
    expect(readFileSync(lockFile, "utf8")).toBe(text);
  });

  it("writes a redirect page at a declared old address and records the move", async () => {
    delete process.env.CI;
    const lockFile = lockWith({
      "https://wire.example.com/kept": KEPT,
      "https://wire.example.com/moved": { url: "/reprints/moved-old/", file: MOVED.file },
    });
    const site: BuiltSite = await build(fixture("lock-site"), { plugin: { lockFile } });
    const $ = site.page("/reprints/moved-old/");
    expect($('meta[http-equiv="refresh"]').attr("content")).toBe("0; url=/reprints/2022/02/moved/");
    expect($('link[rel="canonical"]').attr("href")).toBe("/reprints/2022/02/moved/");
    expect($("body a").attr("href")).toBe("/reprints/2022/02/moved/");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect(readLock(lockFile).reprints["https://wire.example.com/moved"]).toEqual({ ...MOVED, previousUrls: ["/reprints/moved-old/"] });
    // The reprint itself is at its new address, and the redirect is no reprint.
    expect(site.page(MOVED.url)(".syndication-banner").length).toBe(1);
    expect(site.page("/reprints/moved-old/")(".syndication-banner").length).toBe(0);
  });

  it("refuses an address that changed without a declared move, naming the file, both addresses and the ways forward", async () => {
    delete process.env.CI;
    const entries = { "https://wire.example.com/kept": { url: "/reprints/kept-old/", file: KEPT.file } };
    const lockFile = lockWith(entries);
    const before = readFileSync(lockFile, "utf8");
    const error = await failure(lockFile);
    expect(error.problems).toEqual([
      {
        rule: "address-kept",
        severity: "error",
        url: "docs/rules.md#address-kept",
        file: KEPT.file,
        line: 1,
        field: "permalink",
        message: "was published at /reprints/kept-old/ but would now be at /reprints/2022/01/kept/, and old links would break",
        fix:
          "put the old address back (permalink: /reprints/kept-old/), or declare the move with syndication.previousUrls: " +
          "[/reprints/kept-old/] to leave a redirect there; if it was never deployed there, drop it from the lock with " +
          "npx eleventy-syndication forget /reprints/kept-old/",
      },
    ]);
    expect(readFileSync(lockFile, "utf8")).toBe(before);
  });

  it("refuses to lose a published reprint whose file is gone", async () => {
    delete process.env.CI;
    const lockFile = lockWith({
      "https://wire.example.com/gone": { url: "/reprints/gone/", file: `${F}/gone.md` },
      "https://wire.example.com/kept": KEPT,
      "https://wire.example.com/moved": { ...MOVED, previousUrls: ["/reprints/moved-old/"] },
    });
    const error = await failure(lockFile);
    expect(error.problems.map((p) => `${p.file} ${p.field} ${p.message}`)).toEqual([
      `${F}/gone.md syndication is gone, but its reprint of https://wire.example.com/gone was published at /reprints/gone/`,
    ]);
    expect(error.problems[0]!.fix).toContain("syndication.withdrawn: true");
    // The command that drops a reprint that was never deployed is named, with the address to give it.
    expect(error.problems[0]!.fix).toContain("if it was never deployed, or to let the address break, drop it from the lock with npx eleventy-syndication forget /reprints/gone/");
  });

  it("passes under CI=true without a lock: writes the site, not the lock, and says which addresses to commit", async () => {
    process.env.CI = "true";
    const lockFile = lockWith();
    const messages: string[] = [];
    const site = await build(fixture("lock-site"), { plugin: { lockFile }, messages });
    expect(site.files).toContain("reprints/2022/01/kept/index.html");
    expect(existsSync(lockFile)).toBe(false);
    // One warning, about the lock, naming each address to commit and the file it is for.
    const said = messages.filter((m) => m.includes("lock.json"));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(new RegExp(`^eleventy-plugin-syndication: warning: ${lockFile}  lock  .*  \\[lock-pending\\]$`));
    expect(said[0]).toContain(`added /reprints/2022/01/kept/ (${KEPT.file}); added /reprints/2022/02/moved/ (${MOVED.file})`);
    expect(said[0]).toContain(`commit ${lockFile}`);
  });

  it("passes under CI=true with a lock that lacks a new reprint, naming only that one, and leaves the lock as it is", async () => {
    process.env.CI = "true";
    const lockFile = lockWith({ "https://wire.example.com/kept": KEPT });
    const before = readFileSync(lockFile, "utf8");
    const messages: string[] = [];
    await build(fixture("lock-site"), { plugin: { lockFile }, messages });
    expect(readFileSync(lockFile, "utf8")).toBe(before);
    // Only the new reprint is named.
    const said = messages.filter((m) => m.includes("lock.json"));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(new RegExp(`^eleventy-plugin-syndication: warning: ${lockFile}  lock  .*  \\[lock-pending\\]$`));
    expect(said[0]).toContain(`added /reprints/2022/02/moved/ (${MOVED.file})`);
    expect(said[0]).not.toContain("/reprints/2022/01/kept/");
  });

  it("fails under CI=true when a committed address would move or go, even a declared move", async () => {
    process.env.CI = "true";
    // The move declared in moved.md: fine locally (a redirect), but a change to a committed entry.
    const declared = lockWith({ "https://wire.example.com/kept": KEPT, "https://wire.example.com/moved": { url: "/reprints/moved-old/", file: MOVED.file } });
    const error = await failure(declared);
    expect(error.problems.map((p) => `${p.field} ${p.message}`)).toEqual([
      `lock would change in CI (moved /reprints/moved-old/ to ${MOVED.url} (${MOVED.file}))`,
    ]);
    expect(error.problems[0]!.fix).toBe(`build locally and commit ${declared}, or set the plugin option updateLockInCI: true`);
    // An undeclared move, and a reprint whose file is gone, fail in CI as everywhere.
    const moved = await failure(lockWith({ "https://wire.example.com/kept": { url: "/reprints/kept-old/", file: KEPT.file } }));
    expect(moved.problems.map((p) => p.field)).toEqual(["permalink"]);
    const gone = await failure(lockWith({ "https://wire.example.com/gone": { url: "/reprints/gone/", file: `${F}/gone.md` }, "https://wire.example.com/kept": KEPT }));
    expect(gone.problems.map((p) => `${p.file} ${p.field}`)).toEqual([`${F}/gone.md syndication`]);
  });

  it("records changes under CI=true as a local build does with updateLockInCI: true", async () => {
    process.env.CI = "true";
    const lockFile = lockWith({ "https://wire.example.com/kept": KEPT, "https://wire.example.com/moved": { url: "/reprints/moved-old/", file: MOVED.file } });
    await build(fixture("lock-site"), { plugin: { lockFile, updateLockInCI: true } });
    expect(readLock(lockFile).reprints["https://wire.example.com/moved"]).toEqual({ ...MOVED, previousUrls: ["/reprints/moved-old/"] });
    const fresh = lockWith();
    await build(fixture("lock-site"), { plugin: { lockFile: fresh, updateLockInCI: true } });
    expect(Object.keys(readLock(fresh).reprints)).toEqual(["https://wire.example.com/kept", "https://wire.example.com/moved"]);
  });

  it("reports a lock file it cannot read, instead of starting afresh", async () => {
    delete process.env.CI;
    const lockFile = lockWith();
    writeFileSync(lockFile, "{ not json");
    const error = await failure(lockFile);
    expect(error.problems).toEqual([
      { rule: "lock-valid", severity: "error", url: "docs/rules.md#lock-valid", file: lockFile, line: 1, field: "lock", message: expect.stringMatching(/^is not valid JSON \(.+\)$/), fix: expect.stringContaining("restore the lock from version control") },
    ]);
    expect(readFileSync(lockFile, "utf8")).toBe("{ not json");
  });

  it("reports a lock it may not read or write, naming the cause, before any page is written", async () => {
    delete process.env.CI;
    // A folder where the lock should be: not taken for "no lock yet".
    const folder = lockWith();
    mkdirSync(folder);
    const error = await failure(folder);
    expect(error.problems).toEqual([
      { rule: "lock-valid", severity: "error", url: "docs/rules.md#lock-valid", file: folder, field: "lock", message: "cannot be read: it is a folder, not a file (EISDIR)", fix: "make it a readable file, or set the plugin's lockFile option to where the lock is" },
    ]);
    // A read-only lock is left alone: a build that would change it fails before writing any page…
    const readOnly = lockWith({ "https://wire.example.com/kept": KEPT });
    chmodSync(readOnly, 0o444);
    const refused = await failure(readOnly);
    expect(refused.problems.map((p) => `${p.field} ${p.message}`)).toEqual([
      `lock would change (added /reprints/2022/02/moved/ (${MOVED.file})), but cannot be written: it is read-only`,
    ]);
    // …and one that would not change it passes.
    const current = lockWith({ "https://wire.example.com/kept": KEPT, "https://wire.example.com/moved": { ...MOVED, previousUrls: ["/reprints/moved-old/"] } });
    chmodSync(current, 0o444);
    await build(fixture("lock-site"), { plugin: { lockFile: current } });
  });

  it("passes under CI with an up-to-date lock, leaving the file untouched, even with other line endings", async () => {
    process.env.CI = "1";
    const entries = {
      "https://wire.example.com/kept": KEPT,
      "https://wire.example.com/moved": { ...MOVED, previousUrls: ["/reprints/moved-old/"] },
    };
    const lockFile = lockWith(entries);
    writeFileSync(lockFile, readFileSync(lockFile, "utf8").replace(/\n/g, "\r\n"));
    const before = readFileSync(lockFile, "utf8");
    const mtime = statSync(lockFile).mtimeMs;
    await build(fixture("lock-site"), { plugin: { lockFile } });
    expect(readFileSync(lockFile, "utf8")).toBe(before);
    expect(statSync(lockFile).mtimeMs).toBe(mtime);
  });

  it("treats CI=1 as CI", async () => {
    process.env.CI = "1";
    const error = await failure(lockWith({ "https://wire.example.com/kept": KEPT, "https://wire.example.com/moved": { url: "/reprints/moved-old/", file: MOVED.file } }));
    expect(error.problems[0]!.message).toMatch(/^would change in CI/);
  });

  it("refuses permalink: false on a published reprint", async () => {
    delete process.env.CI;
    const lockFile = lockWith({ "https://wire.example.com/kept": KEPT });
    const error = await build(fixture("lock-site"), {
      plugin: { lockFile },
      config: (eleventyConfig) => eleventyConfig.addGlobalData("permalink", false),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicationError);
    expect((error as SyndicationError).problems.map((p) => `${p.file} ${p.field} ${p.message}`)).toEqual([
      `${KEPT.file} permalink is false, but this reprint was published at /reprints/2022/01/kept/, and old links would break`,
    ]);
  });

  it("is not written by a build that writes no files (toJSON)", async () => {
    delete process.env.CI;
    const lockFile = lockWith();
    const { default: Eleventy } = await import("@11ty/eleventy");
    const { default: syndication } = await import("../../plugins/syndication/index.js");
    const elev = new Eleventy(fixture("lock-site"), undefined, {
      quietMode: true,
      configPath: false,
      config: (eleventyConfig: any) => eleventyConfig.addPlugin(syndication, { lockFile }),
    });
    elev.disableLogger();
    const pages = await elev.toJSON();
    expect(pages.length).toBeGreaterThan(0);
    expect(existsSync(lockFile)).toBe(false);
  });
});
