import { describe, expect, it } from "vitest";
import { build, eleventyCli, fixture, listFiles } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";

const F = "tests/fixtures/hostile-site/reprints";

// Hostile and odd values in real front matter: a control character, a cloud-metadata address,
// credentials, a licence with a line break, a YAML timestamp for a day that does not exist, a key
// with a line break in it, an IPv4 address in hexadecimal, an expiry before the original, a licence
// whose own address holds a password.
const EXPECTED = [
  `${F}/bad-values.md:4  syndication.source  contains a control character or noncharacter (U+0007), which a web page cannot show, delete it (it is often invisible: retype the text around it)  [text-printable]`,
  `${F}/bad-values.md:5  syndication.originalUrl  points at a private or reserved host (169.254.169.254) that readers cannot reach, give the address of the article on the publisher's public site  [url-valid]`,
  `${F}/bad-values.md:6  syndication.licence  "CC-BY\\n4.0" is not a licence this plugin knows, did you mean "CC-BY-4.0"?  [licence-known]`,
  `${F}/bad-values.md:7  syndication.sourceUrl  contains a user name or password (the part before @), give the publisher's home page, starting with https://  [url-valid]`,
  `${F}/bad-values.md:8  syndication.published  "2021-02-30 10:00:00 -5" is not a valid date, write it as YYYY-MM-DD, for example 2021-12-14, or as an ISO 8601 date-time  [date-valid]`,
  `${F}/bad-values.md:9  syndication."orignal\\nUrl"  is not a field this plugin knows, so it would be ignored, did you mean "originalUrl"?  [field-known]`,
  `${F}/dates.md:5  syndication.originalUrl  points at this computer (127.0.0.1), give the address of the article on the publisher's site  [url-valid]`,
  `${F}/dates.md:8  syndication.expires  (2021-12-01) is before the original publication date (2021-12-14), check both dates  [expires-after-published]`,
  `${F}/licence-url.md:6  syndication.licence  has a url that contains a user name or password (the part before @), remove it, and give the address as anyone can open it  [licence-known]`,
];

describe("a site with hostile and odd values", () => {
  it("fails with one problem a line, each naming its field and line", async () => {
    const error = await build(fixture("hostile-site")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicationError);
    expect((error as SyndicationError).report.split("\n")).toEqual(["eleventy-plugin-syndication: 9 problems in 3 reprints:", ...EXPECTED]);
  });

  it("reports the same from the Eleventy command line east of UTC, and writes nothing", () => {
    const run = eleventyCli("hostile-site", "tests/fixtures/plugin.config.ts", { TZ: "Pacific/Kiritimati" });
    expect(run.status).toBe(1);
    const printed = run.stderr.replace(/^\[11ty\] /gm, "");
    for (const line of EXPECTED) expect(printed).toContain(line);
    expect(listFiles(run.output)).toEqual([]);
  });
});
