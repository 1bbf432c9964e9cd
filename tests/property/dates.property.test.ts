import fc from "fast-check";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { normalise } from "../../plugins/syndication/rules/normalise.js";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";
import { writtenDates } from "../../plugins/syndication/reprint/locate.js";
import { parseDate } from "../../plugins/syndication/reprint/dates.js";
import { validDate } from "./arbitraries.js";
import { params } from "./settings.js";

// Machines east and west of UTC, and ones with half-hour offsets and summer time.
const ZONES = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Anchorage", "Asia/Kolkata", "Europe/London", "Australia/Lord_Howe"];
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});
/** Run `f` with the process's time zone set to each zone (Node applies a change of TZ at once). */
const inEachZone = <T>(f: () => T): T[] =>
  ZONES.map((zone) => {
    process.env.TZ = zone;
    return f();
  });

const options = resolveOptions({
  sources: {
    month: { name: "Monthly Wire", licence: "permission", expiresAfter: "P1M" },
    instant: { name: "Same-Day Wire", licence: "permission", expiresAfter: "PT0S" },
    hours: { name: "Hourly Wire", licence: "permission", expiresAfter: "PT20H" },
  },
  now: () => new Date("2025-01-01T00:00:00Z"),
});
const valid = { source: "Example Wire", originalUrl: "https://wire.example.com/1", licence: "permission" };
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The parts of a YAML timestamp, in range. */
const parts = () =>
  fc.record({
    year: fc.integer({ min: 1000, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^\d{0,12}$/), { nil: undefined }),
    separator: fc.constantFrom("T", "t", " ", "  ", "\t"),
    zone: fc.option(
      fc.tuple(fc.constantFrom("", " "), fc.constantFrom("Z", "+", "-"), fc.integer({ min: 0, max: 14 }), fc.constantFrom(undefined, 0, 30, 45), fc.boolean()),
      { nil: undefined },
    ),
    padded: fc.boolean(),
  });

/** The same with one part out of range, the way editors get it wrong: 30 February, 24:00:00, minute 60. */
const impossibleParts = fc
  .tuple(
    parts(),
    fc.constantFrom("month", "day", "hour", "minute", "second"),
    fc.constantFrom(0, 1, 2, 3),
  )
  .map(([p, part, pick]) => {
    const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
    const wrong = {
      month: [0, 13, 19, 13][pick]!,
      day: [0, daysInMonth + 1, 31 + (daysInMonth === 31 ? 1 : 0), 39][pick]!,
      hour: [24, 24, 25, 29][pick]!,
      minute: [60, 60, 61, 69][pick]!,
      second: [60, 60, 61, 69][pick]!,
    }[part];
    // 24:00:00 is the case ISO 8601 (2004) itself allowed, and luxon still reads.
    return { ...p, [part]: wrong, ...(part === "hour" && pick < 2 ? { minute: 0, second: 0, fraction: undefined } : {}) };
  });

type Parts = ReturnType<typeof parts> extends fc.Arbitrary<infer T> ? T : never;

/** The text of a YAML 1.1 timestamp (the forms js-yaml reads as a date), as an editor might write it. */
function timestamp(p: Parts): string {
  const n = (v: number) => (p.padded ? String(v).padStart(2, "0") : String(v));
  let zone = "";
  if (p.zone) {
    const [space, sign, hours, minutes, twoDigits] = p.zone;
    zone = sign === "Z" ? `${space}${sign}` : `${space}${sign}${twoDigits ? String(hours).padStart(2, "0") : hours}${minutes === undefined ? "" : `:${String(minutes).padStart(2, "0")}`}`;
  }
  return `${p.year}-${n(p.month)}-${n(p.day)}${p.separator}${n(p.hour)}:${String(p.minute).padStart(2, "0")}:${String(p.second).padStart(2, "0")}${p.fraction === undefined ? "" : `.${p.fraction}`}${zone}`;
}

/**
 * Every route by which YAML gives a date: written plainly; with an explicit timestamp tag, short
 * or long, on plain, quoted or escaped text; by an alias to an anchored value; through a merge key.
 */
const ROUTES: Record<string, (key: string, text: string) => { before?: string; inside: string }> = {
  plain: (key, text) => ({ inside: `  ${key}: ${text}` }),
  tagged: (key, text) => ({ inside: `  ${key}: !!timestamp ${text}` }),
  "tagged, quoted": (key, text) => ({ inside: `  ${key}: !<tag:yaml.org,2002:timestamp> "${text}"` }),
  "tagged, escaped": (key, text) => ({ inside: `  ${key}: !!timestamp "${text.replace("-", "\\x2d").replace(/\t/g, "\\t")}"` }),
  alias: (key, text) => ({ before: `when: &when ${text}`, inside: `  ${key}: *when` }),
  merge: (key, text) => ({ before: `dates: &dates\n  ${key}: ${text}`, inside: "  <<: *dates" }),
};
const route = fc.constantFrom(...Object.keys(ROUTES));

/** A reprint file's front matter with this date, read as Eleventy reads it, checked as the plugin checks it. */
function check(text: string, key: "published" | "expires" = "published", by = "plain") {
  const { before, inside } = ROUTES[by]!(key, text);
  const source = `---\ntitle: T\n${before ? `${before}\n` : ""}syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/1\n  licence: permission\n${inside}\n---\nBody\n`;
  const data = yaml.load(source.split("---")[1]!) as { syndication: Record<string, unknown> };
  const result = normalise(data.syndication, { written: writtenDates(source, data.syndication) }, options);
  return { raw: data.syndication[key], result };
}

describe("dates as YAML gives them", () => {
  it("reads every YAML timestamp as the instant YAML means, on the day the editor wrote, in every time zone, by every route", () => {
    fc.assert(
      fc.property(parts(), route, (p, by) => {
        const text = timestamp(p);
        for (const { raw, result } of inEachZone(() => check(text, "published", by))) {
          expect(raw, text).toBeInstanceOf(Date);
          expect(result.problems, text).toEqual([]);
          const published = result.reprint!.published!;
          expect(DateTime.fromISO(published.iso).toMillis(), text).toBe((raw as Date).getTime());
          // The day, month and year the editor wrote, whatever the zone of the writer or of the build.
          expect(published.formatted, text).toBe(`${p.day} ${MONTHS[p.month - 1]} ${p.year}`);
          expect(published.iso.slice(0, 10)).toBe(`${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`);
        }
      }),
      params(0.5),
    );
  });

  it("refuses a timestamp YAML rolled over (2021-02-30, 24:00, minute 60), quoting it as written, by every route", () => {
    fc.assert(
      fc.property(impossibleParts, route, (p, by) => {
        const text = timestamp(p);
        const { raw, result } = check(text, "published", by);
        // YAML reads it as a date, of another day or time than the one written.
        expect(raw).toBeInstanceOf(Date);
        expect(result.problems.map(({ rule, field, message, fix }) => ({ rule, field, message, fix })), text).toEqual([
          {
            rule: "date-valid",
            field: "syndication.published",
            message: `${JSON.stringify(text.trim())} is not a valid date`,
            fix: "write it as YYYY-MM-DD, for example 2021-12-14, or as an ISO 8601 date-time",
          },
        ]);
      }),
      params(),
    );
  });
});

describe("dates in any form", () => {
  it("give the same data, formatted the same, in every time zone of the build machine", () => {
    fc.assert(
      fc.property(validDate, fc.option(validDate, { nil: undefined }), fc.constantFrom("Example Wire", "month", "instant", "hours"), (published, expires, source) => {
        const results = inEachZone(() => JSON.stringify(normalise({ ...valid, source, published, ...(expires ? { expires } : {}) }, {}, options)));
        for (const r of results) expect(r).toBe(results[0]);
        const reprint = (JSON.parse(results[0]!) as ReturnType<typeof normalise>).reprint;
        if (reprint?.published) {
          // The formatted day is the day of the ISO date, in the offset it was written with.
          const [y, m, d] = reprint.published.iso.slice(0, 10).split("-").map(Number) as [number, number, number];
          expect(reprint.published.formatted).toBe(`${d} ${MONTHS[m - 1]} ${y}`);
        }
      }),
      params(0.5),
    );
  });

  it("refuses expires before published, and only then, naming both dates", () => {
    fc.assert(
      fc.property(validDate, validDate, (published, expires) => {
        const { problems } = normalise({ ...valid, published, expires }, {}, options);
        const instant = (v: string | Date) => (v instanceof Date ? v.getTime() : DateTime.fromISO(v, { zone: "utc" }).toMillis());
        const before = instant(expires) < instant(published);
        expect(problems.some((p) => p.field === "syndication.expires" && / is before the original publication date /.test(p.message))).toBe(before);
        expect(problems.every((p) => p.field === "syndication.expires")).toBe(true);
      }),
      params(),
    );
  });
});

describe("dates read by arithmetic", () => {
  const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, "0"));
  /** ISO 8601 date-times of the extended form, with parts in and out of range. */
  const isoText = fc
    .record({
      date: fc.tuple(digits(4, 9999), digits(2, 19), digits(2, 39)),
      time: fc.tuple(digits(2, 29), digits(2, 69)),
      seconds: fc.option(fc.tuple(digits(2, 69), fc.option(fc.tuple(fc.constantFrom(".", ","), fc.stringMatching(/^\d{1,12}$/)), { nil: undefined })), { nil: undefined }),
      zone: fc.option(fc.oneof(fc.constant("Z"), fc.tuple(fc.constantFrom("+", "-"), digits(2, 29), digits(2, 69)).map(([s, h, m]) => `${s}${h}:${m}`)), { nil: undefined }),
    })
    .map(({ date, time, seconds, zone }) => `${date.join("-")}T${time.join(":")}${seconds ? `:${seconds[0]}${seconds[1] ? seconds[1].join("") : ""}` : ""}${zone ?? ""}`);

  it("read ISO date-times as luxon reads them: the same instant, the same ISO form, the same verdict", () => {
    fc.assert(
      fc.property(isoText, (text) => {
        const result = parseDate(text);
        const luxon = DateTime.fromISO(text, { zone: "utc", setZone: true });
        // 24:00 is the next day's midnight to luxon, and refused here (it is not the day written).
        expect(result.ok, text).toBe(text.slice(11, 13) === "24" ? false : luxon.isValid);
        if (result.ok) {
          expect(result.date.iso, text).toBe(luxon.toISO());
          expect(result.date.millis, text).toBe(luxon.toMillis());
          expect(result.dateOnly).toBe(false);
        }
      }),
      params(2),
    );
  });

  it("are formatted only when shown", () => {
    const { reprint } = normalise({ ...valid, published: "2024-02-29" }, {}, options);
    expect(Object.getOwnPropertyDescriptor(reprint!.published, "formatted")?.get).toBeTypeOf("function");
    expect(reprint!.published!.formatted).toBe("29 February 2024");
    // Once read, the text is a plain value.
    expect(Object.getOwnPropertyDescriptor(reprint!.published, "formatted")?.value).toBe("29 February 2024");
  });
});
