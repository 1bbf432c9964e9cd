import { it } from "vitest";
import { build, fixture } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";
it("smoke", async () => {
  for (const site of ["broken", "njk-site"]) {
    try { const b = await build(fixture(site)); console.log(site, "ok", b.files.length); }
    catch (e) { if (e instanceof SyndicationError) console.log(site, e.report); else console.log(site, "OTHER", e); }
  }
});
