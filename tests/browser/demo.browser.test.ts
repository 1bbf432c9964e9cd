import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { buildDemo, ROOT, words } from "../helpers.js";

// The demo, built and served on 127.0.0.1, opened in Debian's Chromium. Outside CI, a machine
// without Chromium skips these tests and says how to install it; under CI they must run.
const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(`Browser tests skipped: no ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`);
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".xml": "application/xml" };
const ORIGINAL = "https://www.rferl.org/a/putin-immediate-talks-nato-security-guarantees/31609362.html";
const REPRINT = "/reprints/2021/12/putin-immediate-talks/";

describe.skipIf(!available && !process.env.CI)("the demo in a real browser", () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const site = buildDemo();
    expect(site.status).toBe(0);
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
      const file = join(site.output, path, path.endsWith("/") ? "index.html" : "");
      if (!file.startsWith(site.output) || !existsSync(file)) {
        res.writeHead(404).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const open = async (path: string) => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    // Only this machine's server: any other request would be a leak, and is refused.
    await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    const response = await page.goto(base + path);
    expect(response?.status()).toBe(200);
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

  it.each(["/", REPRINT])("finds no accessibility violations on %s (axe-core)", async (path) => {
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
