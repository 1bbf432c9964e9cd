import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, eleventyConfigFor } from "../helpers.js";

// What the command prints for people is one line a message, whatever a file name or a value
// holds: a terminal's escape sequence (colour, clearing the screen, a window title), a line break
// that would start a line that looks like the command's own, a right-to-left override. They are
// shown as \u001B-style escapes. JSON and CSV are data, and keep them as they are.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function site() {
  const dir = mkdtempSync(join(tmpdir(), "syndication-escaped-"));
  mkdirSync(join(dir, "reprints"));
  writeFileSync(join(dir, "eleventy.config.mjs"), eleventyConfigFor('{ "lockFile": false }'));
  writeFileSync(
    join(dir, "reprints", "x\u001b[31mred.md"),
    '---\nsyndication:\n  source: "Wire\u202e"\n  originalUrl: https://w.example/a\n  licence: permission\n---\nText.\n',
  );
  writeFileSync(join(dir, "reprints", "y\n1 reprint checked: no problems.md"), "---\nsyndication:\n  source: Wire\n---\nText.\n");
  return dir;
}

describe("the command's messages", () => {
  it("show file names and values escaped in check's report and report's table", () => {
    const dir = site();
    const check = cli(["check"], dir);
    expect(check.status).toBe(1);
    const lines = check.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("eleventy-plugin-syndication: 2 problems in 1 reprint:");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toMatch(RAW);
    expect(lines[1]).toMatch(/^reprints\/y\\u000A1 reprint checked: no problems\.md:2 {2}syndication\.licence {2}is missing/);

    const table = cli(["report"], dir);
    expect(table.status).toBe(0);
    expect(table.stdout).not.toMatch(RAW);
    expect(table.stdout).toContain("reprints/x\\u001B[31mred.md");
    expect(table.stdout).toContain("Wire\\u202E");
    // As data, the names are what they are.
    const json = JSON.parse(cli(["report", "--format", "json"], dir).stdout) as Array<{ file: string; source: string }>;
    expect(json.map((row) => row.file)).toContain("reprints/x\u001b[31mred.md");
  });

  it("show a text file's name escaped when import refuses it", () => {
    const dir = site();
    writeFileSync(join(dir, "e\u001b[2J.txt"), "");
    const run = cli(["import", "e\u001b[2J.txt", "--url", "https://w.example/e", "--licence", "permission", "--out", "reprints/e.md"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("e\\u001B[2J.txt: not imported: it is empty: there is no article to import.");
  });
});
