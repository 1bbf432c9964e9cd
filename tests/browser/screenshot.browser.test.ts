import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, withoutTimingNotes } from "../helpers.js";
import { CHROMIUM } from "../../scripts/browser.js";

// `npm run screenshot` (scripts/screenshot.ts) regenerates the README's picture of the demo. This
// runs it as a maintainer does, into a temporary file, and checks that it writes a PNG of the
// promised size and nothing else; it does not compare pixels, which fonts and Chromium releases
// change. Outside CI, a machine without Chromium skips it (see demo.browser.test.ts).
const available = existsSync(CHROMIUM);
// Typed in `cwd`, for this repository's package (npm runs the script in ROOT; `--out` is read from `cwd`).
const screenshot = (args: string[], cwd: string) =>
  spawnSync("npm", ["run", "--silent", "--prefix", ROOT, "screenshot", "--", ...args], { cwd, encoding: "utf8" });

describe.skipIf(!available && !process.env.CI)("npm run screenshot", () => {
  it("writes the demo's reprint page, 900 × 620, as a PNG where --out says, and prints its path", () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-screenshot-test-"));
    const readme = readFileSync(join(ROOT, "docs", "demo-reprint.png"));
    const run = screenshot(["--out", "shot.png"], dir);
    expect(withoutTimingNotes(run.stderr)).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("shot.png");
    // Only the picture: no temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(["shot.png"]);
    const png = readFileSync(join(dir, "shot.png"));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The IHDR chunk, first after the signature, gives width and height.
    expect(png.toString("latin1", 12, 16)).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([900, 620]);
    // The README's picture is left alone when --out names another file.
    expect(readFileSync(join(ROOT, "docs", "demo-reprint.png")).equals(readme)).toBe(true);
  });

  it("refuses an --out that is not a .png file, or in a folder that does not exist, with status 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "syndication-screenshot-test-"));
    for (const args of [["--out", "shot.jpg"], ["--out", "missing/shot.png"], ["--size", "10"]]) {
      const run = screenshot(args, dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^screenshot: .+\nusage: npm run screenshot \[-- --out <file\.png>\]\n$/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
