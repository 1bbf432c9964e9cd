import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixture, ROOT } from "../helpers.js";

// `--watch` with the lock inside the watched folder: writing the lock must not start a build.
describe("the lock under --watch", () => {
  const dir = mkdtempSync(join(tmpdir(), "syndication-watch-"));
  cpSync(join(ROOT, fixture("lock-site")), dir, { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(
    join(dir, "eleventy.config.ts"),
    `import syndication from ${JSON.stringify(join(ROOT, "plugins", "syndication", "index.ts"))};\n` +
      `export default function (eleventyConfig: any) { eleventyConfig.addPlugin(syndication); }\n`,
  );
  let watcher: ChildProcess | undefined;
  let output = "";
  afterAll(() => {
    if (watcher?.pid) process.kill(-watcher.pid, "SIGTERM");
  });

  const builds = () => output.match(/Wrote \d+ files/g)?.length ?? 0;
  const settle = async (count: number) => {
    const end = Date.now() + 30_000;
    while (builds() < count && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    // Long enough for a write of the lock to have started another build, were it to.
    await new Promise((r) => setTimeout(r, 3000));
  };

  it("writes the lock once, rebuilds on an edit, and never loops", async () => {
    watcher = spawn(
      process.execPath,
      ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--watch"],
      { cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "" } },
    );
    watcher.stdout!.on("data", (d) => (output += d));
    watcher.stderr!.on("data", (d) => (output += d));
    await settle(1);
    expect(builds()).toBe(1);
    expect(existsSync(join(dir, "syndication.lock.json"))).toBe(true);
    const lock = readFileSync(join(dir, "syndication.lock.json"), "utf8");

    appendFileSync(join(dir, "reprints", "kept.md"), "\nAn edit while watching.\n");
    await settle(2);
    expect(builds()).toBe(2);
    expect(readFileSync(join(dir, "_site", "reprints", "2022", "01", "kept", "index.html"), "utf8")).toContain("An edit while watching.");
    expect(readFileSync(join(dir, "syndication.lock.json"), "utf8")).toBe(lock);

    // A new reprint while watching: the lock is written again, and that write starts nothing.
    writeFileSync(
      join(dir, "reprints", "added.md"),
      "---\ntitle: Added while watching\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/added\n  licence: permission\n---\nText.\n",
    );
    await settle(3);
    expect(builds()).toBe(3);
    expect(JSON.parse(readFileSync(join(dir, "syndication.lock.json"), "utf8")).reprints["https://wire.example.com/added"]).toEqual({
      url: "/reprints/added/",
      file: "reprints/added.md",
    });
    expect(output).not.toMatch(/error/i);
  });
});
