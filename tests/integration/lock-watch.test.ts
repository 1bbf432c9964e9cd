import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixture, ROOT } from "../helpers.js";

// `--watch` never writes the lock: an edit made and undone while watching, or a reprint added and
// deleted again, must leave no trace in it. It checks every rebuild against the lock all the same.
describe("the lock under --watch", () => {
  const dir = mkdtempSync(join(tmpdir(), "syndication-watch-"));
  cpSync(join(ROOT, fixture("lock-site")), dir, { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(
    join(dir, "eleventy.config.ts"),
    `import syndication from ${JSON.stringify(join(ROOT, "plugins", "syndication", "index.ts"))};\n` +
      `export default function (eleventyConfig: any) { eleventyConfig.addPlugin(syndication); }\n`,
  );
  const lockPath = join(dir, "syndication.lock.json");
  const kept = join(dir, "reprints", "kept.md");
  let watcher: ChildProcess | undefined;
  let output = "";
  afterAll(() => {
    if (watcher?.pid) process.kill(-watcher.pid, "SIGTERM");
  });

  // Each build ends with Eleventy's "Wrote N files" (0 when the plugin stopped it).
  const builds = () => output.match(/Wrote \d+ files/g)?.length ?? 0;
  const settle = async (count: number) => {
    const end = Date.now() + 30_000;
    while (builds() < count && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    // Long enough for any write to have started another build, were it to.
    await new Promise((r) => setTimeout(r, 2000));
  };
  const since = (mark: number) => output.slice(mark);

  it("checks each rebuild against the lock and never writes it", async () => {
    watcher = spawn(
      process.execPath,
      ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--watch"],
      { cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "" } },
    );
    watcher.stdout!.on("data", (d) => (output += d));
    watcher.stderr!.on("data", (d) => (output += d));

    // No lock yet: the build passes, writes none, and says what a build would record.
    await settle(1);
    expect(builds()).toBe(1);
    expect(existsSync(lockPath)).toBe(false);
    const pending = output.split("\n").filter((line) => line.endsWith("[lock-pending]"));
    expect(pending).toHaveLength(1);
    expect(pending[0]).toContain("eleventy-plugin-syndication: warning: syndication.lock.json  lock  is left as it is (--serve and --watch never write it)");
    expect(pending[0]).toContain("added /reprints/2022/01/kept/ (reprints/kept.md); added /reprints/2022/02/moved/ (reprints/moved.md)");

    // The lock a build wrote and the editor committed.
    const lock = JSON.stringify(
      {
        version: 1,
        reprints: {
          "https://wire.example.com/kept": { url: "/reprints/2022/01/kept/", file: "reprints/kept.md" },
          "https://wire.example.com/moved": { url: "/reprints/2022/02/moved/", file: "reprints/moved.md", previousUrls: ["/reprints/moved-old/"] },
        },
      },
      null,
      2,
    );
    writeFileSync(lockPath, `${lock}\n`);
    await settle(2);

    // A date edited while watching: the address would move, and the rebuild says so.
    const text = readFileSync(kept, "utf8");
    let mark = output.length;
    writeFileSync(kept, text.replace("published: 2022-01-05", "published: 2022-03-05"));
    await settle(3);
    expect(since(mark)).toContain(
      "reprints/kept.md:1  permalink  was published at /reprints/2022/01/kept/ but would now be at /reprints/2022/03/kept/, and old links would break",
    );

    // Undone: the rebuild passes, for the lock never recorded the edit.
    mark = output.length;
    writeFileSync(kept, text);
    await settle(4);
    expect(since(mark)).not.toMatch(/error|problem/i);
    expect(readFileSync(join(dir, "_site", "reprints", "2022", "01", "kept", "index.html"), "utf8")).toContain("Text.");

    // A reprint added and deleted again while watching leaves nothing to clean up.
    const added = join(dir, "reprints", "added.md");
    writeFileSync(added, "---\ntitle: Added\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/added\n  licence: permission\n---\nText.\n");
    await settle(5);
    mark = output.length;
    rmSync(added);
    // Eleventy 3.1 does not rebuild on a deletion by itself: the next save does.
    writeFileSync(kept, text);
    await settle(6);
    expect(since(mark)).not.toMatch(/is gone|error/i);
    expect(readFileSync(lockPath, "utf8")).toBe(`${lock}\n`);
  });
});
