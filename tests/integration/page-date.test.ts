import { describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { build, fixture } from "../helpers.js";

// page.date is what layouts print, feeds give as <updated> and collections sort by. Without a
// `date`, Eleventy takes the file's creation time, which a CI checkout sets to the deploy's.
describe("a reprint's page date", async () => {
  const site = await build(fixture("page-date"));
  const dateOf = (url: string) => site.page(url)(".page-date").text();
  // As Eleventy reads it: from birthtimeMs, which a Date truncates to the millisecond.
  const created = (file: string) => new Date(statSync(`${fixture("page-date")}/reprints/${file}`).birthtimeMs).toISOString();

  it("is the original's date when the reprint has no date of its own", () => {
    expect(dateOf("/reprints/2021/12/no-date/")).toBe("2021-12-14T00:00:00.000Z");
    // A date and time keeps its moment (the address keeps the publisher's month).
    expect(dateOf("/reprints/2021/12/date-time/")).toBe("2022-01-01T04:30:00.000Z");
  });

  it("is the reprint's own date, or the date in its file name, where it has one", () => {
    expect(dateOf("/reprints/2024/12/own-date/")).toBe("2025-01-10T00:00:00.000Z");
    expect(dateOf("/reprints/2019/11/named/")).toBe("2020-01-05T00:00:00.000Z");
  });

  it("is Eleventy's own (the file's creation time) for a reprint with no date at all", () => {
    expect(dateOf("/reprints/undated/")).toBe(created("undated.md"));
  });

  it('is Eleventy\'s own everywhere with pageDate: "eleventy"', async () => {
    const own = await build(fixture("page-date"), { plugin: { pageDate: "eleventy" } });
    expect(own.page("/reprints/2021/12/no-date/")(".page-date").text()).toBe(created("no-date.md"));
    expect(own.page("/reprints/2024/12/own-date/")(".page-date").text()).toBe("2025-01-10T00:00:00.000Z");
  });
});
