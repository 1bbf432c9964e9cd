import { afterEach, describe, expect, it } from "vitest";
import { formatDate, isCalendarText, parseDate } from "../../plugins/syndication/reprint/dates.js";
import yaml from "js-yaml";
import { writtenDates } from "../../plugins/syndication/reprint/locate.js";
import { normalise } from "../../plugins/syndication/rules/normalise.js";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";

const fmt = (value: unknown) => {
  const result = parseDate(value);
  if (!result.ok) throw new Error(result.message);
  return formatDate(result.date, "d LLLL yyyy", "en");
};

describe("dates", () => {
  it("reads a YAML date (UTC midnight) as that calendar day", () => {
    expect(fmt(new Date(Date.UTC(2021, 11, 14)))).toEqual({ iso: "2021-12-14", formatted: "14 December 2021" });
  });

  it("reads ISO text with and without a time, keeping the writer's offset", () => {
    expect(fmt("2021-12-14")).toEqual({ iso: "2021-12-14", formatted: "14 December 2021" });
    expect(fmt("2023-07-01T23:30:00-04:00")).toEqual({ iso: "2023-07-01T23:30:00.000-04:00", formatted: "1 July 2023" });
  });

  it("reads YAML's spaced timestamps, and times without an offset as UTC", () => {
    expect(fmt("2021-12-14 10:00:00")).toEqual({ iso: "2021-12-14T10:00:00.000Z", formatted: "14 December 2021" });
    expect(fmt("2021-12-31T23:30:00")).toEqual({ iso: "2021-12-31T23:30:00.000Z", formatted: "31 December 2021" });
  });

  it("refuses impossible dates and other types", () => {
    expect(parseDate("2021-02-30")).toMatchObject({ ok: false, message: '"2021-02-30" is not a valid date' });
    expect(parseDate("next week")).toMatchObject({ ok: false });
    expect(parseDate(20211214)).toMatchObject({ ok: false, message: "must be a date, not number" });
  });

  it("recognises text that YAML would have turned into a date", () => {
    expect(isCalendarText("2021-13-45")).toBe(true);
    expect(isCalendarText('"2021-12-14"')).toBe(true);
    expect(isCalendarText("2021-12-14T10:00:00Z")).toBe(true);
    expect(isCalendarText("December 2021")).toBe(false);
  });
});

// Regressions for what the property tests (tests/property/dates.property.test.ts) found.
describe("YAML's own timestamp forms", () => {
  it("reads every form YAML reads as a timestamp, in the offset written", () => {
    // The YAML 1.1 spec's example: a space before the zone, and a zone of hours alone.
    expect(fmt("2001-12-14 21:59:43.10 -5")).toEqual({ iso: "2001-12-14T21:59:43.100-05:00", formatted: "14 December 2001" });
    expect(fmt("2021-12-14\t10:00:00")).toEqual({ iso: "2021-12-14T10:00:00.000Z", formatted: "14 December 2021" });
    expect(fmt("2021-1-5 1:02:03+5:30")).toEqual({ iso: "2021-01-05T01:02:03.000+05:30", formatted: "5 January 2021" });
    expect(fmt("2021-12-14T10:00:00.")).toEqual({ iso: "2021-12-14T10:00:00.000Z", formatted: "14 December 2021" });
    expect(fmt("2021-12-14 10:00")).toEqual({ iso: "2021-12-14T10:00:00.000Z", formatted: "14 December 2021" });
  });

  it("finds a date-time written with a tab in the front matter", () => {
    const file = "---\nsyndication:\n  published: 2021-12-14\t23:30:00 -5 # late\n---\n";
    const syndication = (yaml.load(file.split("---")[1]!) as { syndication: unknown }).syndication;
    expect(writtenDates(file, syndication).get("published")).toBe("2021-12-14\t23:30:00 -5");
  });

  it("finds dates written on the syndication block's own lines as YAML reads them, and no other line", () => {
    const read = (front: string) => {
      const file = `---\n${front}---\nBody\n`;
      const syndication = (yaml.load(front) as { syndication: unknown }).syndication;
      return Object.fromEntries(writtenDates(file, syndication));
    };
    // A comment and spaces after the value, Windows line ends, a key in the block that holds the same words.
    expect(read("syndication:\r\n  published: 2021-02-30   # rolled over\r\n  expires: 2022-01-01\r\n")).toEqual({ published: "2021-02-30", expires: "2022-01-01" });
    expect(read("syndication:\n  changes: |\n    published: 2021-02-30\n  published: 2021-03-02\nother:\n  published: 2021-02-30\n")).toEqual({ published: "2021-03-02" });
    // Another route to the date (an alias, a merge key, a tag) is read by the parse, as before.
    expect(read("base: &d 2021-02-30\nsyndication:\n  published: *d\n")).toEqual({ published: "2021-02-30" });
    expect(read("base: &b\n  published: 2021-02-30\nsyndication:\n  <<: *b\n")).toEqual({ published: "2021-02-30" });
    expect(read("syndication: { published: 2021-02-30 }\n")).toEqual({ published: "2021-02-30" });
    expect(read("syndication:\n  published: !!timestamp 2021-02-30\n  withdrawn:\n    date: 2021-13-01\n")).toEqual({ published: "2021-02-30", "withdrawn.date": "2021-13-01" });
  });

  it("quotes a date it refuses as it was written", () => {
    expect(parseDate("2021-12-14 25:00:00")).toMatchObject({ ok: false, message: '"2021-12-14 25:00:00" is not a valid date' });
    // Found by the long property run: luxon took 24:00 as the next day's midnight.
    expect(parseDate("2021-12-14 24:00:00")).toMatchObject({ ok: false, message: '"2021-12-14 24:00:00" is not a valid date' });
    expect(parseDate("2021-12-14T24:00Z")).toMatchObject({ ok: false });
  });

  it("reads the years 0 to 99 as themselves", () => {
    expect(fmt("0021-12-14")).toEqual({ iso: "0021-12-14", formatted: "14 December 0021" });
  });
});

describe("the build machine's time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(["Pacific/Kiritimati", "America/Anchorage", "Pacific/Pago_Pago", "Asia/Kolkata"])("changes no date in %s", (zone) => {
    process.env.TZ = zone;
    expect(new Date(2021, 0, 1).getTimezoneOffset()).not.toBe(0); // the zone is in effect
    expect(fmt(new Date(Date.UTC(2021, 11, 14))).formatted).toBe("14 December 2021");
    expect(fmt("2021-12-14").formatted).toBe("14 December 2021");
    expect(fmt("2021-12-31T23:30:00-05:00").formatted).toBe("31 December 2021");
    expect(fmt("2022-01-01T00:30:00+14:00").formatted).toBe("1 January 2022");
    expect(fmt("2021-12-14 10:00:00").formatted).toBe("14 December 2021");
    // A publisher whose reprints may be shown only on the day of the original: east of UTC the
    // end was computed from local midnight, hours before the original, and refused as "before" it.
    const options = resolveOptions({ sources: { w: { name: "W", licence: "permission", expiresAfter: "PT0S" } }, now: () => new Date("2021-12-14T12:00:00Z") });
    const { reprint, problems } = normalise({ source: "w", originalUrl: "https://wire.example.com/1", published: "2021-12-14" }, {}, options);
    expect(problems).toEqual([]);
    expect(reprint!.expires).toEqual({ iso: "2021-12-14", formatted: "14 December 2021" });
    expect(reprint!.status).toBe("live");
  });
});

