import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, eleventyCli, fixture, listFiles, ROOT } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";

const F = "tests/fixtures/broken/reprints";

// Every fault in the fixture, each read from the fixture's files: file:line, field, what, how.
const EXPECTED = [
  `${F}/bad-values.md:4  syndication.source  is empty, write the publisher's name, or the key of a publisher in the plugin's sources option  [field-type]`,
  `${F}/bad-values.md:5  syndication.originalUrl  uses javascript: where http: or https: is needed, give the article's web address, starting with https://  [url-valid]`,
  `${F}/bad-values.md:6  syndication.licence  "CC-BY-4" is not a licence this plugin knows, did you mean "CC-BY-4.0"?  [licence-known]`,
  `${F}/bad-values.md:7  syndication.published  "2021-13-45" is not a valid date, write it as YYYY-MM-DD, for example 2021-12-14, or as an ISO 8601 date-time  [date-valid]`,
  `${F}/bad-values.md:8  syndication.sourceUrl  points at this computer (localhost), give the publisher's home page, starting with https://  [url-valid]`,
  `${F}/bad-values.md:9  syndication.withdrawn  must be true, false or { date, note }, not text, write true, or { date: 2024-05-01, note: "Withdrawn at the publisher's request." }  [field-type]`,
  // Eleventy would stop at this file alone; the plugin reads past it and reports it with the rest.
  `${F}/bad-yaml.md:5  front matter  cannot be read: bad indentation of a mapping entry (column 15), correct the YAML between the --- lines  [front-matter-readable]`,
  `${F}/duplicate.md:5  syndication.originalUrl  is the same as in ${F}/duplicate-fragment.md (https://theconversation.com/example-article-123), reprint each original once: delete one of the two files, or correct its originalUrl  [original-url-unique]`,
  `${F}/missing-all.md:3  syndication.licence  is missing, say on what terms you reprint it: permission, public-domain, a Creative Commons id such as CC-BY-4.0, or { name, url }  [licence-required]`,
  `${F}/missing-all.md:3  syndication.originalUrl  is missing, give the article's address on the publisher's site, starting with https://  [original-url-required]`,
  `${F}/missing-all.md:3  syndication.source  is missing, write the publisher's name, or the key of a publisher in the plugin's sources option  [source-required]`,
  `${F}/no-syndication.md:1  syndication  is missing, add a syndication: block with source, originalUrl and licence  [syndication-object]`,
  `${F}/rferl/from-dir-data.md:3  syndication.licence  "permision" is not a licence this plugin knows (set in ${F}/rferl/rferl.11tydata.json:4, not in this file), did you mean "permission"?  [licence-known]`,
  `${F}/rferl/from-dir-data.md:4  syndication.originalUrl  contains a space or line break, paste the address again without spaces (encode a real space as %20)  [url-valid]`,
  `${F}/typo.md:5  syndication.orignalUrl  is not a field this plugin knows, so it would be ignored, did you mean "originalUrl"?  [field-known]`,
  `${F}/typo.md:6  syndication.originalUrl  is the same as in ${F}/duplicate-fragment.md (https://theconversation.com/example-article-123), reprint each original once: delete one of the two files, or correct its originalUrl  [original-url-unique]`,
  `${F}/typo.md:8  syndication.license  says "CC-BY-4.0" but licence says "CC-BY-ND-4.0", keep one of licence or license (they are the same field)  [licence-alias]`,
  `${F}/typo.md:9  syndication.expires  "soon" is not a valid date, write it as YYYY-MM-DD, for example 2021-12-14, or as an ISO 8601 date-time  [date-valid]`,
  // Liquid would fail on this inside Eleventy, with a stack trace, after the report.
  `${F}/unclosed-tag.md:10  body  has "{{" that is never closed, which Liquid reads as the start of a template tag and cannot render, add templateEngineOverride: md to the front matter to show the text as written  [template-tag-closed]`,
];

describe("a site with broken reprints", () => {
  it("fails with one report that lists every problem in every file, and writes nothing", async () => {
    const output = mkdtempSync(join(tmpdir(), "syndication-broken-"));
    let error: unknown;
    try {
      await build(fixture("broken"), { output });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SyndicationError);
    expect((error as SyndicationError).message).toBe(
      "eleventy-plugin-syndication: 19 problems in 8 reprints (listed above); no page was written.",
    );
    const lines = (error as SyndicationError).report.split("\n");
    expect(lines[0]).toBe("eleventy-plugin-syndication: 19 problems in 8 reprints:");
    expect(lines.slice(1)).toEqual(EXPECTED);
    expect(listFiles(output)).toEqual([]);
  });

  it("finds the reprints folder when the input directory is given as an absolute path", async () => {
    const error = await build(join(ROOT, fixture("broken"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicationError);
    const fields = (error as SyndicationError).problems.map((p) => `${p.file.split("/").pop()} ${p.field}`);
    // The folder rule holds: the page without a syndication block is reported.
    expect(fields).toContain("no-syndication.md syndication");
  });

  it("makes the Eleventy command exit non-zero with the report and no stack trace", () => {
    const before = readFileSync(join(ROOT, F, "bad-values.md"), "utf8");
    const run = eleventyCli("broken", "tests/fixtures/plugin.config.ts");
    expect(run.status).toBe(1);
    const printed = run.stderr.replace(/^\[11ty\] /gm, "");
    for (const line of EXPECTED) expect(printed).toContain(line);
    // Each problem is printed once.
    for (const line of EXPECTED) expect(printed.split(line).length).toBe(2);
    expect(printed).not.toMatch(/^\s+at /m);
    expect(listFiles(run.output)).toEqual([]);
    // The build never touches the sources.
    expect(readFileSync(join(ROOT, F, "bad-values.md"), "utf8")).toBe(before);
  });
});
