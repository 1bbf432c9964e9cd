import { describe, expect, it, onTestFinished } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listFiles, ROOT, withoutTimingNotes } from "../helpers.js";

const FILES = 5_000;
const BIG = 2 * 1024 * 1024;
// Peak resident memory of the whole build process (Node, Eleventy, 5,000 pages, the plugin):
// about 340-355 MB on the project's 2-core machine, where plain Eleventy takes 320-335 MB on the
// same site. The bound is generous: it catches memory that grows without limit (a page's content
// kept for every page, a copy per file), and times nothing.
const BOUND = 1_024 * 1024 * 1024;

const LAYOUT = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<link rel="canonical" href="https://site.example{{ page.url }}"></head>
<body><main>{{ content | safe }}</main></body></html>
`;

/** A reprints folder of FILES files, one of them with a body of 2 MB. */
function generate(): string {
  const input = mkdtempSync(join(tmpdir(), "syndication-size-"));
  mkdirSync(join(input, "reprints"));
  mkdirSync(join(input, "_includes"));
  writeFileSync(join(input, "_includes", "base.njk"), LAYOUT);
  writeFileSync(join(input, "reprints", "reprints.11tydata.json"), JSON.stringify({ layout: "base.njk" }));
  const paragraph = "The publisher's sentence, reprinted as written, with <em>emphasis</em> and a number, 42. ".repeat(4);
  for (let i = 0; i < FILES; i++) {
    const day = new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const front = [
      "---",
      `title: "Reprint ${i}"`,
      "syndication:",
      `  source: Wire ${i % 7}`,
      `  originalUrl: https://wire${i % 7}.example.com/story-${i}`,
      `  licence: ${i % 2 ? "permission" : "CC-BY-ND-4.0"}`,
      `  published: ${day}`,
      "---",
    ].join("\n");
    let body = `${paragraph}\n\nStory ${i} ends here.\n`;
    if (i === 0) {
      const paragraphs: string[] = [];
      for (let size = 0; size < BIG; size += paragraph.length + 2) paragraphs.push(paragraph);
      body = `${paragraphs.join("\n\n")}\n\nThe last line of the long story.\n`;
    }
    writeFileSync(join(input, "reprints", `story-${i}.md`), `${front}\n${body}`);
  }
  return input;
}

describe("size", () => {
  it(`builds a reprints folder of ${FILES} files, one with a 2 MB body, within a bounded memory`, () => {
    const input = generate();
    const output = mkdtempSync(join(tmpdir(), "syndication-size-out-"));
    const lockFile = join(input, "syndication.lock.json");
    onTestFinished(() => {
      // Some 50 MB of files: not left behind.
      rmSync(input, { recursive: true, force: true });
      rmSync(output, { recursive: true, force: true });
    });
    const run = spawnSync(process.execPath, ["--import", "tsx", "tests/size-build.ts", input, output, lockFile], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    // Eleventy may note on stderr which part of the build took longest; nothing else may be there.
    expect(withoutTimingNotes(run.stderr).split("\n").filter((line) => line)).toEqual([]);
    expect(run.status).toBe(0);
    const { peakRss } = JSON.parse(run.stdout) as { peakRss: number };
    console.log(`size test: ${FILES} reprints, peak RSS ${Math.round(peakRss / 1024 / 1024)} MB`);
    expect(peakRss).toBeLessThan(BOUND);

    // Every reprint has its page, and the lock has every one.
    expect(listFiles(output).filter((f) => f.endsWith("index.html"))).toHaveLength(FILES);
    expect(Object.keys(JSON.parse(readFileSync(lockFile, "utf8")).reprints)).toHaveLength(FILES);
    // The long article is whole, with its banner first and one canonical.
    const big = readFileSync(join(output, "reprints", "2010", "01", "story-0", "index.html"), "utf8");
    expect(big.length).toBeGreaterThan(BIG);
    expect(big.indexOf('class="syndication-banner"')).toBeLessThan(big.indexOf("The publisher's sentence"));
    expect(big).toContain("The last line of the long story.");
    expect(big.match(/rel="canonical"/g)).toHaveLength(1);
  });
});
