import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SyndicationError } from "../../plugins/syndication/index.js";
import { build, fixture, listFiles } from "../helpers.js";

// The check runs where the redirect pages (a Nunjucks virtual template) are paginated. A site whose
// templateFormats leave out Nunjucks has no such template: its reprints are checked all the same.
describe("a site whose templateFormats leave out Nunjucks", () => {
  const mdOnly = (c: any) => c.setTemplateFormats(["md"]);

  it("still fails with the one report before any page is written", async () => {
    const output = mkdtempSync(join(tmpdir(), "syndication-md-only-"));
    const error = await build(fixture("broken"), { output, config: mdOnly }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicationError);
    const reference = await build(fixture("broken")).then(() => undefined, (e: unknown) => e as SyndicationError);
    expect((error as SyndicationError).report).toBe(reference!.report);
    expect(listFiles(output)).toEqual([]);
  });

  it("builds its reprints when they are sound", async () => {
    const site = await build(fixture("page-date"), { config: mdOnly });
    expect(site.page("/reprints/2021/12/no-date/")(".syndication-banner")).toHaveLength(1);
  });
});
