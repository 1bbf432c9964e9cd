/**
 * The error a build fails with. The plugin prints `report` once itself; the message is one line,
 * because Eleventy's command line prints a fatal error's message twice.
 */
import { countProblems, formatReport } from "./format.js";
import { sortFindings, type Finding } from "./finding.js";

export class SyndicationError extends Error {
  skipOriginalStack = true;
  /** Every error, as findings (each keeps `file, line, field, message, fix`, as problems had). */
  readonly problems: Finding[];
  readonly report: string;
  /** `"data"`: found in front matter and data, before any page was written; `"rendered"`: found in built pages, which were written. */
  readonly stage: "data" | "rendered";
  constructor(problems: Finding[], stage: "data" | "rendered" = "data") {
    super(
      `eleventy-plugin-syndication: ${countProblems(problems)} (listed above); ` +
        (stage === "data" ? "no page was written." : "the pages were written but break their publishers' terms: do not publish them."),
    );
    this.name = "SyndicationError";
    this.stage = stage;
    this.problems = sortFindings(problems);
    this.report = formatReport(problems);
  }
}
