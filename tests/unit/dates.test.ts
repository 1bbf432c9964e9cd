import { describe, expect, it } from "vitest";
import { formatDate, isCalendarText, parseDate } from "../../plugins/syndication/dates.js";

const fmt = (value: unknown) => {
  const result = parseDate(value);
  if (!result.ok) throw new Error(result.message);
  return formatDate(result.date, result.dateOnly, "d LLLL yyyy", "en");
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
