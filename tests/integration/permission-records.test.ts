import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkJson, cli, fixture, pluginConfig } from "../helpers.js";

// tests/fixtures/permission-site: a reprint from a source whose rule asks for a permission record
// (it has one), one with permission from a plain source name (no record), one under CC BY.
const OPTIONS = { lockFile: false, sources: { wire: { name: "Example Wire", licence: "permission", rules: { permissionRecord: true } } } };

describe("permission records", () => {
  const config = pluginConfig(OPTIONS);

  it("are listed by report --permissions, as a table, CSV and JSON", () => {
    const table = cli(["report", fixture("permission-site"), "--config", config, "--permissions"]);
    expect(table.status).toBe(0);
    const lines = table.stdout.trim().split("\n").map((line) => line.replace(/\s+/g, " "));
    expect(lines).toEqual([
      "FILE SOURCE STATUS GRANTED BY DATE REFERENCE",
      "tests/fixtures/permission-site/reprints/granted.md Example Wire live Jane Editor, Example Wire 2021-12-10 email of 10 December 2021, ref. EW-2021-118",
      "tests/fixtures/permission-site/reprints/unrecorded.md Other Wire live - - -",
    ]);
    const csv = cli(["report", fixture("permission-site"), "--config", config, "--permissions", "--format", "csv"]);
    expect(csv.stdout.split("\r\n")[1]).toBe('tests/fixtures/permission-site/reprints/granted.md,Example Wire,live,"Jane Editor, Example Wire",2021-12-10,"email of 10 December 2021, ref. EW-2021-118"');
    const json = JSON.parse(cli(["report", fixture("permission-site"), "--config", config, "--permissions", "--format", "json"]).stdout);
    expect(json[0]).toEqual({
      file: "tests/fixtures/permission-site/reprints/granted.md",
      source: "Example Wire",
      status: "live",
      grantedBy: "Jane Editor, Example Wire",
      date: "2021-12-10",
      reference: "email of 10 December 2021, ref. EW-2021-118",
    });
    // The whole report's JSON carries each record too.
    const all = JSON.parse(cli(["report", fixture("permission-site"), "--config", config, "--format", "json"]).stdout);
    expect(all.find((r: { file: string }) => r.file.endsWith("granted.md")).permission).toEqual({ by: "Jane Editor, Example Wire", date: "2021-12-10", reference: "email of 10 December 2021, ref. EW-2021-118" });
  });

  it("are required by a publisher rule, and refused under a licence that needs none", () => {
    const input = mkdtempSync(join(tmpdir(), "syndication-permission-"));
    cpSync(fixture("permission-site"), input, { recursive: true });
    const edit = (name: string, change: (text: string) => string) => writeFileSync(join(input, "reprints", name), change(readFileSync(join(input, "reprints", name), "utf8")));
    edit("granted.md", (text) => text.replace(/  permission:\n(?: {4}.*\n)+/, ""));
    edit("open.md", (text) => text.replace("  published: 2021-12-16\n", "  published: 2021-12-16\n  permission: { by: Sam Open, date: 2021-12-01, referer: call }\n"));
    const run = checkJson(input, config);
    expect(run.status).toBe(1);
    expect(run.problems.map((p) => [p.file.replace(/^.*\//, ""), p.rule, p.field, p.message])).toEqual([
      ["granted.md", "permission-record", "syndication.permission", "is missing, and Example Wire asks that every permission be recorded: who granted it, when, and a reference"],
      // Both on the flow mapping's line: the report orders them by field.
      ["open.md", "permission-record", "syndication.permission", "records a permission, but the licence is CC BY 4.0, which needs none"],
      ["open.md", "field-known", "syndication.permission.referer", "is not a field this plugin knows, so it would be ignored"],
    ]);
    expect(run.problems.find((p) => p.rule === "field-known")!.fix).toBe("remove it; permission takes by, date and reference");
  });
});
