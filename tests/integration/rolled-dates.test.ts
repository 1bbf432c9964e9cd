import { describe, expect, it } from "vitest";
import { build, fixture } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";

// YAML rolls 2021-02-30 over to 2 March. The build must refuse such a date wherever the
// syndication block writes it and whatever route YAML takes to it: in flow style, beside a key of
// the same name elsewhere in the front matter, as the date of a withdrawal, with an explicit
// timestamp tag (short or long, on quoted text with an escape), by an alias to an anchored value,
// and through a merge key.
describe("impossible dates YAML rolls over", () => {
  it("are refused, quoted as YAML read them, at the lines where they are written", async () => {
    const error = await build(fixture("rolled-dates")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyndicationError);
    const problems = (error as SyndicationError).problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.message}`);
    const dir = "tests/fixtures/rolled-dates/reprints";
    expect(problems).toEqual([
      `${dir}/alias.md:8 syndication.published "2021-02-29" is not a valid date`,
      `${dir}/flow.md:3 syndication.published "2021-02-30" is not a valid date`,
      // Merged in: the line of the block where it is written.
      `${dir}/merge.md:6 syndication.published "2021-04-31 10:00:00" is not a valid date`,
      `${dir}/other-key.md:7 syndication.expires "2031-02-30" is not a valid date`,
      `${dir}/tagged.md:7 syndication.published "2021-02-30" is not a valid date`,
      `${dir}/tagged.md:8 syndication.expires "2031-02-30" is not a valid date`,
      `${dir}/withdrawn.md:7 syndication.withdrawn.date "2024-02-30" is not a valid date`,
    ]);
  });

  it("reads a real date by any route as written, offset included", async () => {
    const built = await build(fixture("rolled-dates"), {
      // Only the reprints whose dates are real.
      config: (eleventyConfig: any) => {
        for (const name of ["alias", "flow", "merge", "other-key", "tagged", "withdrawn"]) {
          eleventyConfig.ignores.add(`tests/fixtures/rolled-dates/reprints/${name}.md`);
        }
      },
    });
    // 23:30 on 31 December at UTC-5 is 31 December: the address and the date say December 2021.
    const $ = built.page("/reprints/2021/12/alias-real/");
    expect($(".syndication-credit time").attr("datetime")).toBe("2021-12-31T23:30:00.000-05:00");
  });
});
