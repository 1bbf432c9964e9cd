import { describe, expect, it } from "vitest";
import { build, fixture } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";

// YAML rolls 2021-02-30 over to 2 March. The build must refuse such a date wherever the
// syndication block writes it: in flow style, beside a key of the same name elsewhere in the
// front matter, and as the date of a withdrawal.
describe("impossible dates YAML rolls over", () => {
  it("are refused, quoted as written, at their lines", async () => {
    const error = await build(fixture("rolled-dates")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyndicationError);
    const problems = (error as SyndicationError).problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.message}`);
    const dir = "tests/fixtures/rolled-dates/reprints";
    expect(problems).toEqual([
      `${dir}/flow.md:3 syndication.published "2021-02-30" is not a valid date`,
      `${dir}/other-key.md:7 syndication.expires "2031-02-30" is not a valid date`,
      `${dir}/withdrawn.md:7 syndication.withdrawn.date "2024-02-30" is not a valid date`,
    ]);
  });
});
