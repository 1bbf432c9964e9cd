import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { buildDemo, ROOT, words } from "../helpers.js";
import { CHROMIUM, launchChromium, openLocal, serveFolder, type Served } from "../../scripts/browser.js";

// The demo, built and served on 127.0.0.1, opened in Debian's Chromium. Outside CI, a machine
// without Chromium skips these tests and says how to install it; under CI they must run.
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(`Browser tests skipped: no ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`);
}

const ORIGINAL = "https://www.rferl.org/a/putin-immediate-talks-nato-security-guarantees/31609362.html";
const REPRINT = "/reprints/2021/12/putin-immediate-talks/";
const run = available || Boolean(process.env.CI);
const site = run ? buildDemo() : undefined;
// Every page of the demo: the home page's list, each publisher's banner, the notices of ended reprints.
const PAGES = (site?.files ?? []).filter((f) => f.endsWith("index.html")).map((f) => `/${f.slice(0, -"index.html".length)}`);

describe.skipIf(!run)("the demo in a real browser", () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    expect(site!.status).toBe(0);
    served = await serveFolder(site!.output);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const open = async (path: string) => {
    // Only this machine's server: any other request would be a leak, and is refused.
    const { page, status } = await openLocal(browser, served, path);
    expect(status).toBe(200);
    return page;
  };

  it("shows the banner above the article body, linking the original", async () => {
    const page = await open(REPRINT);
    const banner = page.locator(".syndication-banner");
    await expect(banner.isVisible()).resolves.toBe(true);
    expect(words(await banner.locator(".syndication-credit").innerText())).toBe(
      "This article was originally published by Radio Free Europe/Radio Liberty and is reprinted with permission.",
    );
    expect(await banner.locator("a").getAttribute("href")).toBe(ORIGINAL);
    const bannerBox = await banner.boundingBox();
    const firstParagraph = await page.locator("article.reprint > p:not(.byline)").first().boundingBox();
    expect(bannerBox && firstParagraph && bannerBox.y + bannerBox.height <= firstParagraph.y).toBe(true);
    // The page's computed head, as the browser sees it: one canonical, to the original.
    expect(await page.locator('head link[rel="canonical"]').evaluateAll((ls) => ls.map((l) => l.getAttribute("href")))).toEqual([
      ORIGINAL,
    ]);
    mkdirSync(join(ROOT, "test-output"), { recursive: true });
    await page.screenshot({ path: join(ROOT, "test-output", "reprint-page.png"), fullPage: true });
    await page.close();
  });

  it.each(PAGES)("finds no accessibility violations on %s (axe-core)", async (path) => {
    const page = await open(path);
    const axe = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
    await page.addScriptTag({ content: readFileSync(axe, "utf8") });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; help: string; nodes: unknown[] }> }> } }).axe.run();
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
