import { describe, expect, it } from "vitest";
import { eleventyCli, jsonLd, words } from "../helpers.js";

// Built by the Eleventy command line with the clock at 2025-06-01.
describe("expiry and withdrawal", () => {
  const run = eleventyCli("lifecycle", "tests/fixtures/lifecycle.config.ts");
  const site = run.site;
  const printed = run.stdout + run.stderr;

  it("builds", () => {
    expect(run.status).toBe(0);
  });

  it("shows a live reprint as it is", () => {
    const $ = site.page("/reprints/2024/01/live/");
    expect($(".status").text()).toBe("live until 2030-01-01");
    expect($("main").text()).toContain("The article text of a live reprint.");
    expect($(".syndication-banner").length).toBe(1);
  });

  it("replaces an expired reprint with a notice at the same address: no text, noindex, canonical to the original", () => {
    const $ = site.page("/reprints/2024/12/expired/");
    expect($(".status").text()).toBe("expired until 2025-01-01");
    expect($("main").text()).not.toContain("The article text");
    expect($(".syndication-banner").length).toBe(0);
    expect(words($(".syndication-tombstone").text())).toBe(
      "This article is no longer available here. It was originally published by Example Wire, where you can read it.",
    );
    expect($(".syndication-tombstone a").attr("href")).toBe("https://wire.example.com/expired");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($('link[rel="canonical"]').toArray().map((l) => $(l).attr("href"))).toEqual(["https://wire.example.com/expired"]);
    expect(jsonLd($)).toEqual([]);
  });

  it("replaces a withdrawn reprint at once, with the public note and date", () => {
    const $ = site.page("/reprints/2025/03/withdrawn/");
    expect($(".status").text()).toBe("withdrawn since 1 May 2025");
    expect($("main").text()).not.toContain("The article text");
    expect($(".syndication-withdrawal-note").text()).toBe("Withdrawn at the publisher's request.");
    // Not even the excerpt Eleventy took from the body survives.
    expect(site.raw("/reprints/2025/03/withdrawn/")).not.toContain("SECRET-EXCERPT");
    expect($(".excerpt").text()).toBe(
      "This article is no longer available here. It was originally published by Example Wire, where you can read it. " +
        "Withdrawn at the publisher's request.",
    );
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
  });

  it("ends a reprint by its source's terms: thirty days after the original date", () => {
    const $ = site.page("/reprints/2025/04/thirty-days/");
    expect($(".status").text()).toBe("expired until 2025-05-01");
    expect($(".syndication-tombstone").length).toBe(1);
  });

  it("keeps ended reprints out of the collection", () => {
    const $ = site.page("/");
    expect($(".item").toArray().map((p) => $(p).text())).toEqual(["/reprints/2025/05/soon/", "/reprints/2024/01/live/"]);
  });

  it("warns about a reprint that ends within the window, naming it and the date", () => {
    // One warning, at the line of syndication.expires, with the date and the days left.
    const warnings = printed.split("\n").filter((line) => line.endsWith("[expiring-soon]"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("eleventy-plugin-syndication: warning: tests/fixtures/lifecycle/reprints/soon.md:8  syndication.expires  ");
    expect(warnings[0]).toContain("10 June 2025 (10 days)");
  });
});
