import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

// `npm start` on a copy of the demo: the TypeScript config is served with live reload, and an
// edit to a reprint shows up without a restart. The copy keeps the repository's files untouched.
describe("npm start", () => {
  const dir = mkdtempSync(join(tmpdir(), "syndication-dev-"));
  for (const entry of ["package.json", ".eleventy.ts", "syndication.lock.json", "src", "_includes", "plugins"]) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  let server: ChildProcess | undefined;

  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  const until = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  // A plain GET, as a browser's first request is: the dev server injects its live-reload script
  // into pages it serves that way (fetch() marks its requests as scripted, and gets none).
  const page = (url: string) =>
    new Promise<string | undefined>((resolve, reject) => {
      get(url, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve(res.statusCode === 200 ? body : undefined));
      }).on("error", reject);
    });

  it("serves the demo, rebuilds it when a reprint changes, and stops a rebuild with a broken reprint before it writes", async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    server = spawn("npm", ["start", "--", `--port=${port}`], { cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    server.stdout!.on("data", (d) => (output += d));
    server.stderr!.on("data", (d) => (output += d));
    const base = await until("the dev server", async () => /Server at (http:\/\/localhost:\d+)\//.exec(output)?.[1]);
    const url = `${base}/reprints/2021/12/putin-immediate-talks/`;
    const first = await until("the reprint page", () => page(url));
    expect(first).toContain('class="syndication-banner"');
    expect(first).toMatch(/<script[^>]+reload-client/);
    expect(first).not.toContain("A paragraph added while serving.");

    appendFileSync(join(dir, "src", "reprints", "putin-immediate-talks.md"), "\nA paragraph added while serving.\n");
    const second = await until("the edit to show", async () => {
      const text = await page(url);
      return text?.includes("A paragraph added while serving.") ? text : undefined;
    });
    expect(second.match(/class="syndication-banner"/g)).toHaveLength(1);
    expect(second.match(/rel="canonical"/g)).toHaveLength(1);
    expect(output).not.toMatch(/error/i);

    // A broken reprint while serving: the report, no page written, the server still up; fixed, it rebuilds.
    const file = join(dir, "src", "reprints", "putin-immediate-talks.md");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace("published: 2021-12-14", "published: 2021-13-45").replace("A paragraph added while serving.", "A broken edit."));
    await until("the report", async () => (/no page was written/.test(output) ? true : undefined));
    expect(output).toContain('src/reprints/putin-immediate-talks.md:10  syndication.published  "2021-13-45" is not a valid date');
    expect(await page(url)).toContain("A paragraph added while serving.");
    writeFileSync(file, good.replace("A paragraph added while serving.", "A paragraph fixed while serving."));
    await until("the fix to show", async () => ((await page(url))?.includes("A paragraph fixed while serving.") ? true : undefined));
  });
});
