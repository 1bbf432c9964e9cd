import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build, checkJson, cli, pluginConfig } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";
import { formatReport } from "../../plugins/syndication/report/format.js";

// File names a careless or hostile editor gives, and the address each gets. A name that a URL
// path carries as it is stays as it is; any other is slugged as Eleventy's slugify filter does.
const ADDRESSES: Record<string, string> = {
  "issue #5.md": "/reprints/2021/12/issue-5/",
  "what?.md": "/reprints/what/",
  "my story.md": "/reprints/my-story/",
  "50% off.md": "/reprints/50-off/",
  "it's here.md": "/reprints/its-here/",
  "a\u0007bell.md": "/reprints/a-bell/",
  "x\u001b[31mred.md": "/reprints/x-31mred/",
  "rlo\u202eevil.md": "/reprints/rlo-evil/",
  "Путин говорит.md": "/reprints/putin-govorit/",
  "2021-12-14-dated story.md": "/reprints/dated-story/",
  "Talks.With.NATO.md": "/reprints/Talks.With.NATO/",
};
// Names that leave nothing for an address: refused, with the file named.
const REFUSED = ["..md", "...md", "東京.md"];
// A name that slugs to an address another reprint already has: the clash is reported.
const CLASH = "what.md";

function reprint(index: number, name: string): string {
  const published = name.startsWith("issue") ? "\n  published: 2021-12-14" : "";
  return `---\ntitle: Reprint ${index}\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/story/${index}\n  licence: permission${published}\n---\nThe story of ${index}.\n`;
}

/** A site whose reprints folder holds these file names, and a lock beside it. */
function siteWith(names: string[]) {
  const root = mkdtempSync(join(tmpdir(), "syndication-names-"));
  const input = join(root, "src");
  mkdirSync(join(input, "reprints"), { recursive: true });
  names.forEach((name, i) => writeFileSync(join(input, "reprints", name), reprint(i, name)));
  return { root, input, lockFile: join(root, "syndication.lock.json"), output: join(root, "_site") };
}

/** The file part of a problem as a build names it (relative to the working folder). */
const shown = (input: string, name: string) => relative(process.cwd(), join(input, "reprints", name));

describe("reprints whose file names are not addresses", () => {
  it("refuses a name that leaves nothing for an address, naming the file, in the build and in check alike", async () => {
    const site = siteWith([...Object.keys(ADDRESSES), ...REFUSED, CLASH]);
    // Refused too when it is left out of collections, as the build refuses it.
    writeFileSync(
      join(site.input, "reprints", "日本.md"),
      "---\neleventyExcludeFromCollections: true\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/excluded\n  licence: permission\n---\nText.\n",
    );
    const error = await build(site.input, { plugin: { lockFile: site.lockFile }, output: site.output }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicationError);
    const problems = (error as SyndicationError).problems.map(({ rule, file, line, field, message, fix }) => ({ rule, file, line, field, message, fix }));
    const fix = "rename the file with letters, digits and hyphens (such as talks-with-nato.md), or give the reprint a permalink";
    const because = "none of its characters can be written in an address as it is, nor turned into letters a-z";
    expect(problems).toEqual([
      { rule: "address-from-file-name", file: shown(site.input, "...md"), line: 1, field: "permalink", message: `cannot come from the file name "..": ${because}`, fix },
      { rule: "address-from-file-name", file: shown(site.input, "..md"), line: 1, field: "permalink", message: `cannot come from the file name ".": ${because}`, fix },
      {
        // In file order: "what.md" comes before "what?.md".
        rule: "address-unique",
        file: shown(site.input, "what?.md"),
        line: 1,
        field: "permalink",
        message: `gives the address /reprints/what/, which ${shown(site.input, CLASH)} already has`,
        fix: "rename one of the files, or give one an explicit permalink",
      },
      { rule: "address-from-file-name", file: shown(site.input, "日本.md"), line: 1, field: "permalink", message: `cannot come from the file name "日本": ${because}`, fix },
      { rule: "address-from-file-name", file: shown(site.input, "東京.md"), line: 1, field: "permalink", message: `cannot come from the file name "東京": ${because}`, fix },
    ]);
    // Nothing written, no lock.
    expect(() => readFileSync(site.lockFile)).toThrow();
    // `check` reads the same site to the same verdict.
    const checked = checkJson(site.input, pluginConfig({ lockFile: site.lockFile }));
    expect(checked.problems).toEqual((error as SyndicationError).problems);
    rmSync(site.root, { recursive: true, force: true });
  });

  it("gives every other name an address a browser reaches, the same in the pages, the lock and check", async () => {
    const site = siteWith(Object.keys(ADDRESSES));
    const built = await build(site.input, { plugin: { lockFile: site.lockFile, updateLockInCI: true }, output: site.output });
    // Every file written is inside the output folder, at a path made of characters a URL carries as they are.
    const expected = Object.values(ADDRESSES).map((url) => `${url.slice(1)}index.html`).sort();
    expect(built.files).toEqual(expected);
    for (const [name, url] of Object.entries(ADDRESSES)) {
      expect(built.page(url)("h1, p").text()).toContain(`The story of ${Object.keys(ADDRESSES).indexOf(name)}.`);
    }
    const lock = JSON.parse(readFileSync(site.lockFile, "utf8")) as { reprints: Record<string, { url: string; file: string }> };
    const locked = Object.fromEntries(Object.values(lock.reprints).map((entry) => [entry.file, entry.url]));
    expect(locked).toEqual(Object.fromEntries(Object.entries(ADDRESSES).map(([name, url]) => [shown(site.input, name), url])));
    // `check` agrees: no problems (the lock matches), and the same address for every file.
    const config = pluginConfig({ lockFile: site.lockFile });
    expect(checkJson(site.input, config).findings).toEqual([]);
    const rows = JSON.parse(cli(["report", site.input, "--config", config, "--format", "json"]).stdout) as Array<{ file: string; address: string }>;
    expect(Object.fromEntries(rows.map((row) => [row.file, row.address]))).toEqual(locked);
    rmSync(site.root, { recursive: true, force: true });
  });

  it("names such files escaped in every message: a name cannot colour the report, nor forge a line of it", async () => {
    // A terminal's colour sequence, and a line break followed by what looks like a report line.
    const forged = "x\u001b[31mred\n2:1  syndication.source  is fine.md";
    const expiring = "soon\u001b]0;title\u0007.md";
    const site = siteWith([]);
    writeFileSync(join(site.input, "reprints", forged), "---\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/forged\n---\nText.\n");
    writeFileSync(
      join(site.input, "reprints", expiring),
      "---\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/soon\n  licence: permission\n  expires: 2025-01-05\n---\nText.\n",
    );
    const now = () => new Date("2025-01-01T00:00:00Z");
    const error = await build(site.input, { plugin: { now }, output: site.output }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicationError);
    const escaped = shown(site.input, "x\\u001B[31mred\\u000A2:1  syndication.source  is fine.md");
    const lines = [
      "eleventy-plugin-syndication: 1 problem in 1 reprint:",
      `${escaped}:2  syndication.licence  is missing, say on what terms you reprint it: permission, public-domain, a Creative Commons id such as CC-BY-4.0, or { name, url }  [licence-required]`,
    ];
    expect((error as SyndicationError).report.split("\n")).toEqual(lines);
    // `check` prints the same report, and its warning names the other file escaped too.
    const checked = checkJson(site.input, pluginConfig({ lockFile: false }), ["--now", "2025-01-01T00:00:00Z"]);
    expect(formatReport(checked.problems).split("\n")).toEqual(lines);
    const text = cli(["check", site.input, "--config", pluginConfig({ lockFile: false }), "--now", "2025-01-01T00:00:00Z"]).stdout;
    expect(text.split("\n").filter((line) => line.includes("warning:"))).toEqual([
      `eleventy-plugin-syndication: warning: ${shown(site.input, "soon\\u001B]0;title\\u0007.md")}:6  syndication.expires  ends the right to show it on 5 January 2025 (5 days), after which the build replaces it with a notice, renew the permission and update syndication.expires, or let it end  [expiring-soon]`,
    ]);
    // The data keep the file's real name, for scripts.
    expect((error as SyndicationError).problems[0]!.file).toBe(shown(site.input, forged));
    rmSync(site.root, { recursive: true, force: true });
  });
});
