import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, checkJson, pluginConfig } from "../helpers.js";
import { SyndicationError } from "../../plugins/syndication/index.js";

// A benchmark, not a timed test: real builds (and `check`) of a one-reprint site whose front
// matter holds a run of letters of 10 KB, 100 KB and 1 MB, in each of the places that once made
// a build quadratic (a plain value: 37 s for 100,000 letters), printed as milliseconds per
// kilobyte. The times are for reading; the assertions are on what the build made of the text.
// Linear time shows as a time per kilobyte that stays level, or falls, as the text grows.

const SIZES = [10, 100, 1000];
const PLACES: Record<string, (run: string) => { front: string; body?: string }> = {
  "plain source": (run) => ({ front: `  source: ${run}` }),
  "quoted source": (run) => ({ front: `  source: "${run}"` }),
  "comment beside": (run) => ({ front: `  source: Example Wire\n  # ${run}` }),
  "refused licence": (run) => ({ front: `  source: Example Wire\n  licence: ${run}` }),
  body: (run) => ({ front: "  source: Example Wire", body: run }),
  // Tags never closed, in an HTML block that Markdown passes as it is: a pattern such as
  // <img\b[^>]*> reads to the end of the page from each one.
  "unclosed tags": (run) => ({ front: "  source: Example Wire", body: `<div>\n${"x <img src=a <link rel=canonical <a href=\"b ".repeat(run.length / 45)}\n` }),
};

function site(place: string, kb: number) {
  const run = "abcdefghij".repeat(kb * 102.4);
  const { front, body } = PLACES[place]!(run);
  const root = mkdtempSync(join(tmpdir(), "syndication-time-"));
  mkdirSync(join(root, "reprints"));
  const licence = front.includes("licence:") ? "" : "\n  licence: permission";
  writeFileSync(
    join(root, "reprints", "long.md"),
    `---\ntitle: Long\nsyndication:\n${front}\n  originalUrl: https://wire.example.com/long${licence}\n  published: 2021-12-14\n---\n${body ?? "Text."}\n`,
  );
  return { root, run };
}

describe("time per kilobyte of front matter", () => {
  it("is measured for a build and for check, with runs of 10 KB to 1 MB in each place", async () => {
    const rows: string[] = [];
    const config = pluginConfig();
    for (const place of Object.keys(PLACES)) {
      for (const kb of SIZES) {
        const { root, run } = site(place, kb);
        let start = performance.now();
        const outcome = await build(root, { output: join(root, "_site") }).then(
          (built) => built,
          (error: unknown) => error,
        );
        const built = performance.now() - start;
        start = performance.now();
        const checked = checkJson(root, config);
        const check = performance.now() - start;
        rows.push(`${place.padEnd(16)} ${String(kb).padStart(5)} KB  build ${(built / kb).toFixed(2).padStart(7)} ms/KB  check ${(check / kb).toFixed(2).padStart(7)} ms/KB`);

        if (place === "refused licence") {
          // One problem, quoting the start of the value, on one line.
          expect(outcome).toBeInstanceOf(SyndicationError);
          const problems = (outcome as SyndicationError).problems;
          expect(problems.map((p) => p.field)).toEqual(["syndication.licence"]);
          expect(problems[0]!.message.length).toBeLessThan(200);
          // `check` says the same.
          expect(checked.problems).toEqual(problems);
        } else if (place === "unclosed tags") {
          // A browser drops a tag never closed, and all after it: the page has the plugin's canonical only.
          const $ = (outcome as Awaited<ReturnType<typeof build>>).page("/reprints/2021/12/long/");
          expect($('link[rel~="canonical" i]').toArray().map((l) => $(l).attr("href"))).toEqual(["https://wire.example.com/long"]);
          expect($(".syndication-credit").text()).toContain("reprinted with permission");
        } else {
          expect(outcome).not.toBeInstanceOf(Error);
          expect(checked.problems).toEqual([]);
          const html = (outcome as Awaited<ReturnType<typeof build>>).raw("/reprints/2021/12/long/");
          expect(html).toContain("reprinted with permission");
          // The source's name and the body are on the page whole; a comment is not.
          expect(html.includes(run)).toBe(place !== "comment beside");
        }
        rmSync(root, { recursive: true, force: true });
      }
    }
    console.log(`linear time, ms per KB of front matter:\n${rows.join("\n")}`);
    // Fifteen builds and fifteen runs of check, each of which now starts the site's Eleventy: more
    // than the default minute on a busy machine. Nothing here asserts a time.
  }, 300_000);
});
