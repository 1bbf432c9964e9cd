/**
 * `npm run screenshot`: regenerate the README's picture of the demo (docs/demo-reprint.png) from the
 * demo itself. Builds the demo into a temporary folder, serves it on 127.0.0.1, opens the RFE/RL
 * reprint in Debian's Chromium (headless, no sandbox, no request beyond the local server) and
 * writes the first screen of it, 900 × 620 pixels, whole: to a temporary file beside the target,
 * then renamed over it.
 *
 *   npm run screenshot                      # writes docs/demo-reprint.png
 *   npm run screenshot -- --out shot.png    # writes shot.png instead
 *
 * Exit status 0 when the file is written; 1, with the reason, when it is not; 2 for bad usage.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM, launchChromium, openLocal, serveFolder } from "./browser.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The demo's reprint that the README shows, and the size of the picture. */
const PAGE = "/reprints/2021/12/putin-immediate-talks/";
const VIEWPORT = { width: 900, height: 620 };

function usage(message: string): never {
  console.error(`screenshot: ${message}\nusage: npm run screenshot [-- --out <file.png>]`);
  process.exit(2);
}

function outPath(args: string[]): string {
  if (args.length === 0) return join(ROOT, "docs", "demo-reprint.png");
  if (args[0] !== "--out" || args.length !== 2 || !args[1]) usage(`unexpected arguments: ${args.join(" ")}`);
  if (!args[1].endsWith(".png")) usage(`--out must name a .png file: ${args[1]}`);
  // npm runs scripts in the package's folder; INIT_CWD is where the command was typed.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), args[1]);
  if (!existsSync(dirname(out))) usage(`--out's folder does not exist: ${dirname(out)}`);
  return out;
}

async function main(): Promise<void> {
  const out = outPath(process.argv.slice(2));
  if (!existsSync(CHROMIUM)) throw new Error(`no ${CHROMIUM}. Install Debian's Chromium with: apt-get update && apt-get install -y chromium`);

  const site = mkdtempSync(join(tmpdir(), "syndication-screenshot-"));
  const partial = join(dirname(out), `.${process.pid}.screenshot.png`);
  try {
    // The demo, built by its own build script.
    const build = spawnSync("npm", ["run", "--silent", "build", "--", `--output=${site}`, "--quiet"], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`the demo did not build:\n${build.stderr || build.stdout}`);

    const served = await serveFolder(site);
    const browser = await launchChromium();
    try {
      const { page, status } = await openLocal(browser, served, PAGE, VIEWPORT);
      if (status !== 200) throw new Error(`${PAGE} answered ${status} instead of 200`);
      await page.screenshot({ path: partial });
      renameSync(partial, out);
    } finally {
      await browser.close();
      await served.close();
    }
    console.log(relative(process.env.INIT_CWD ?? process.cwd(), out) || out);
  } finally {
    rmSync(partial, { force: true });
    rmSync(site, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`screenshot: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
