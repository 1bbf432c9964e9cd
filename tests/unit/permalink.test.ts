import { describe, expect, it } from "vitest";
import { reprintPermalink } from "../../plugins/syndication/reprint/permalink.js";

describe("reprintPermalink", () => {
  it("files a reprint under the year and month of its original date", () => {
    expect(reprintPermalink("/reprints/", new Date(Date.UTC(2021, 11, 14)), "putin-talks")).toBe("/reprints/2021/12/putin-talks/");
    expect(reprintPermalink("/r/", "2021-01-31T23:30:00-05:00", "x")).toBe("/r/2021/01/x/");
  });

  it("leaves out the date when there is none, or it is not a date", () => {
    expect(reprintPermalink("/reprints/", undefined, "x")).toBe("/reprints/x/");
    expect(reprintPermalink("/reprints/", "soon", "x")).toBe("/reprints/x/");
  });
});
