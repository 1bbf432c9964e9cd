/**
 * A built site served on 127.0.0.1 and opened in Debian's Chromium, headless, for the browser tests
 * and the screenshot script. Nothing reaches the network: the server answers files of the site
 * only, and a page's requests to anywhere else are refused.
 */
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install -y chromium`); playwright-core downloads no browser. */
export const CHROMIUM = "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".xml": "application/xml",
  ".png": "image/png",
};

export interface Served {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  base: string;
  close(): Promise<void>;
}

/** Serve the folder `root` on a free port of 127.0.0.1: `/a/` is `a/index.html`; nothing outside `root`. */
export async function serveFolder(root: string): Promise<Served> {
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    const file = join(root, path, path.endsWith("/") ? "index.html" : "");
    if (!file.startsWith(join(root, sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Debian's Chromium, headless, without a sandbox (containers), and without its own network traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * Open `path` of the served site in a new page of `viewport` size. Any request that is not to the
 * server (a publisher's tracking image, say) is refused. Returns the page and the response's status.
 */
export async function openLocal(
  browser: Browser,
  served: Served,
  path: string,
  viewport = { width: 1024, height: 900 },
): Promise<{ page: Page; status: number | undefined }> {
  const page = await browser.newPage({ viewport });
  await page.route("**/*", (route) => (route.request().url().startsWith(`${served.base}/`) ? route.continue() : route.abort()));
  const response = await page.goto(served.base + path);
  return { page, status: response?.status() };
}
