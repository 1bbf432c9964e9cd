import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { build, checkJson, cli, fixture, pluginConfig, type BuiltSite } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";

// tests/fixtures/embargo-site: a reprint under the wire's embargo until 2026-12-01T09:00-05:00
// (14:00 UTC) beside a live one; a home page listing `collections.all | reprints` and the opt-in
// collection, a sitemap over `withoutReprints`, and a feed of the reprints with their content.
// The `now` option is the clock.
const EMBARGOED = "reprints/2026/12/embargoed/index.html";
const UNTIL = "2026-12-01T09:00:00.000-05:00";
const PARAGRAPH = "The city council will set next year's budget on Tuesday, after a month of hearings on the libraries and the buses.";

const at = async (now: string, extra: { config?: (c: any) => void; lockFile?: string } = {}) => {
  const messages: string[] = [];
  let error: unknown;
  let site: BuiltSite | undefined;
  try {
    site = await build(fixture("embargo-site"), {
      plugin: { now: () => new Date(now), collectionName: "reprintList", ...(extra.lockFile ? { lockFile: extra.lockFile, updateLockInCI: true } : {}) },
      messages,
      ...(extra.config ? { config: extra.config } : {}),
    });
  } catch (e) {
    error = e;
  }
  return { site, messages: messages.join("\n"), error };
};

const urls = ($: cheerio.CheerioAPI, selector: string) => $(selector).toArray().map((el) => $(el).attr("href") ?? $(el).text());

describe("an embargoed reprint", () => {
  it("before its embargo: no page, in no list, collection, feed or sitemap, and the build says when to build again", async () => {
    const { site, messages, error } = await at("2026-12-01T13:59:59Z");
    expect(error).toBeUndefined();
    expect(site!.files).not.toContain(EMBARGOED);
    expect(site!.files.filter((f) => f.includes("embargoed"))).toEqual([]);
    const home = site!.page("/");
    expect(urls(home, ".reprints a")).toEqual(["/reprints/2026/11/live/"]);
    expect(urls(home, ".collection li")).toEqual(["/reprints/2026/11/live/"]);
    expect(site!.raw("/sitemap.xml")).not.toContain("embargoed");
    const feed = site!.raw("/feed.xml");
    expect(feed).toContain("The text of a live reprint");
    expect(feed).not.toContain("council");
    expect(messages).toContain(
      `reprints/embargoed.md:9  syndication.embargo  is under embargo until ${UNTIL}: it has no page, and is in no list, feed or sitemap, until a build at or after that moment, build the site again at or after ${UNTIL} to publish it (a scheduled build, for one)`,
    );
  });

  it("from the moment it ends: built as usual, in every list", async () => {
    const { site, messages, error } = await at("2026-12-01T14:00:00Z");
    expect(error).toBeUndefined();
    expect(messages).not.toContain("embargo");
    const page = site!.page("/reprints/2026/12/embargoed/");
    expect(page(".syndication-banner")).toHaveLength(1);
    expect(page("main").text()).toContain(PARAGRAPH);
    const home = site!.page("/");
    expect(urls(home, ".reprints a")).toEqual(["/reprints/2026/12/embargoed/", "/reprints/2026/11/live/"]);
    expect(urls(home, ".collection li")).toEqual(["/reprints/2026/12/embargoed/", "/reprints/2026/11/live/"]);
    expect(site!.raw("/feed.xml")).toContain("council will set next year");
  });

  it("fails a page that carries its text before it ends, naming the page and the reprint", async () => {
    const teaser = (c: any) => c.addTemplate("teaser.njk", `---\ntitle: Coming up\n---\n<p>Coming up: &ldquo;${PARAGRAPH.replace("'", "&#39;")}&rdquo;</p>`);
    const before = await at("2026-12-01T13:59:59Z", { config: teaser });
    expect(before.error).toBeInstanceOf(SyndicationError);
    const report = (before.error as SyndicationError).report;
    // Ten words of its first paragraph, as letters and digits: the page's quotes and entities do not hide it.
    expect(report).toContain(
      `tests/fixtures/embargo-site/teaser.njk  content  carries the text of tests/fixtures/embargo-site/reprints/embargoed.md, which is under embargo until ${UNTIL} ("the city council will set next year s budget on…"), take the text out of this page until the embargo ends`,
    );
    const after = await at("2026-12-01T14:00:00Z", { config: teaser });
    expect(after.error).toBeUndefined();
  });

  it("is not recorded in the lock before it ends, nor called dropped when the lock has it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-embargo-lock-"));
    const lockFile = join(dir, "syndication.lock.json");
    const before = await at("2026-12-01T13:59:59Z", { lockFile });
    expect(before.error).toBeUndefined();
    const lock = JSON.parse(readFileSync(lockFile, "utf8"));
    expect(Object.keys(lock.reprints)).toEqual(["https://wire.example.com/live-story"]);
    // Published once, then under embargo again (the wire moved it): its entry stays as it was.
    const after = await at("2026-12-01T14:00:00Z", { lockFile });
    expect(after.error).toBeUndefined();
    const published = readFileSync(lockFile, "utf8");
    expect(JSON.parse(published).reprints["https://wire.example.com/council-budget"].url).toBe("/reprints/2026/12/embargoed/");
    const again = await at("2026-12-01T13:59:59Z", { lockFile });
    expect(again.error).toBeUndefined();
    expect(again.messages).not.toMatch(/dropped|address-kept/);
    expect(readFileSync(lockFile, "utf8")).toBe(published);
  });
});

describe("the command", () => {
  it("reports an embargoed reprint as embargoed, with no address, until the moment given by --now", () => {
    const config = pluginConfig({ lockFile: false });
    const rows = (now: string) =>
      (JSON.parse(cli(["report", fixture("embargo-site"), "--config", config, "--format", "json", "--now", now]).stdout) as Array<{ file: string; status: string; address: string }>)
        .filter((r) => r.file.endsWith("embargoed.md"))
        .map((r) => [r.status, r.address]);
    expect(rows("2026-12-01T13:59:59Z")).toEqual([["embargoed", ""]]);
    expect(rows("2026-12-01T14:00:00Z")).toEqual([["live", "/reprints/2026/12/embargoed/"]]);
  });
});

describe("an embargo without its zone", () => {
  it("is an error that says how to write one", () => {
    const input = mkdtempSync(join(tmpdir(), "syndication-embargo-zone-"));
    cpSync(fixture("embargo-site"), input, { recursive: true });
    const file = join(input, "reprints", "embargoed.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("2026-12-01T09:00:00-05:00", "2026-12-01T09:00:00"));
    writeFileSync(join(input, "reprints", "day.md"), readFileSync(file, "utf8").replace("council-budget", "day").replace("2026-12-01T09:00:00", "2026-12-01"));
    const run = checkJson(input, pluginConfig({ lockFile: false, now: undefined }));
    expect(run.status).toBe(1);
    const zone = run.problems.filter((p) => p.rule === "embargo-zone");
    expect(zone.map((p) => [p.file.replace(/^.*\//, ""), p.line, p.field, p.message, p.fix])).toEqual([
      ["day.md", 9, "syndication.embargo", '"2026-12-01" is not a moment: without a time and its zone, when the embargo ends would depend on the clock of the machine that builds', "write the date and time with its zone, as the publisher gave it: 2026-12-01T09:00:00-05:00, or 2026-12-01T14:00:00Z in UTC"],
      ["embargoed.md", 9, "syndication.embargo", '"2026-12-01T09:00:00" is not a moment: without a time and its zone, when the embargo ends would depend on the clock of the machine that builds', "write the date and time with its zone, as the publisher gave it: 2026-12-01T09:00:00-05:00, or 2026-12-01T14:00:00Z in UTC"],
    ]);
    expect(existsSync(join(input, "_site"))).toBe(false);
  });
});
