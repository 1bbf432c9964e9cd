import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileError, readText, whyNotWritable, writeWhole } from "../../plugins/syndication/util/files.js";
import { ROOT } from "../helpers.js";

const folder = () => mkdtempSync(join(tmpdir(), "syndication-files-"));
const error = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error("no error");
};
/** The compiled module, for child processes (compiled by the tests' global setup). */
const DIST = JSON.stringify(join(ROOT, "dist", "util", "files.js"));

describe("writeWhole", () => {
  it("writes the text, replaces the old file, and leaves no temporary file", () => {
    const dir = folder();
    const path = join(dir, "lock.json");
    writeWhole(path, "one\n");
    writeWhole(path, "two\n");
    expect(readFileSync(path, "utf8")).toBe("two\n");
    expect(readdirSync(dir)).toEqual(["lock.json"]);
  });

  it("never writes through a symbolic link, nor into a folder or a read-only file", () => {
    const dir = folder();
    const outside = join(folder(), "config.js");
    writeFileSync(outside, "the site's config");
    symlinkSync(outside, join(dir, "link.md"));
    const linked = error(() => writeWhole(join(dir, "link.md"), "x", {}, "link.md"));
    expect(linked).toBeInstanceOf(FileError);
    expect((linked as Error).message).toBe("link.md cannot be written: it is a symbolic link, and the plugin does not write through links");
    expect(readFileSync(outside, "utf8")).toBe("the site's config");

    mkdirSync(join(dir, "folder.json"));
    expect((error(() => writeWhole(join(dir, "folder.json"), "x", {}, "folder.json")) as Error).message).toBe(
      "folder.json cannot be written: it is a folder, not a file (EISDIR)",
    );
    writeFileSync(join(dir, "ro.json"), "kept");
    chmodSync(join(dir, "ro.json"), 0o444);
    expect((error(() => writeWhole(join(dir, "ro.json"), "x", {}, "ro.json")) as Error).message).toBe("ro.json cannot be written: it is read-only");
    expect(readFileSync(join(dir, "ro.json"), "utf8")).toBe("kept");
    expect(whyNotWritable(join(dir, "no", "such", "lock.json"))).toBe(`its folder ${join(dir, "no", "such")} does not exist`);
  });

  it("does not replace a file when asked not to", () => {
    const dir = folder();
    writeFileSync(join(dir, "a.md"), "mine");
    expect((error(() => writeWhole(join(dir, "a.md"), "theirs", { replace: false }, "a.md")) as Error).message).toBe(
      "a.md cannot be written: it already exists (EEXIST)",
    );
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("mine");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("leaves the old file whole when the disk refuses the new one, and says why", () => {
    const dir = folder();
    const path = join(dir, "lock.json");
    writeFileSync(path, "the old lock\n");
    // A file-size limit of 1 KiB: the system refuses the 4 KiB write as a full disk would (EFBIG).
    const script = `import(${DIST}).then(({ writeWhole }) => { try { writeWhole(${JSON.stringify(path)}, "x".repeat(4096), {}, "lock.json"); } catch (e) { console.log(e.name + ": " + e.message); } })`;
    const run = spawnSync("bash", ["-c", `trap '' XFSZ; ulimit -f 1; exec "$0" -e "$1"`, process.execPath, script], { encoding: "utf8" });
    expect(run.stdout.trim()).toBe("FileError: lock.json cannot be written: the file would be larger than the system allows (EFBIG)");
    expect(readFileSync(path, "utf8")).toBe("the old lock\n");
    expect(readdirSync(dir)).toEqual(["lock.json"]);
  });
});

describe("readText", () => {
  it("says there is no file, and names the file and the cause of anything else", () => {
    const dir = folder();
    expect(readText(join(dir, "none.json"))).toBeUndefined();
    mkdirSync(join(dir, "folder.json"));
    expect((error(() => readText(join(dir, "folder.json"), "folder.json")) as Error).message).toBe(
      "folder.json cannot be read: it is a folder, not a file (EISDIR)",
    );
    // A named pipe would never end: it is refused before it is opened.
    spawnSync("mkfifo", [join(dir, "pipe.json")]);
    expect((error(() => readText(join(dir, "pipe.json"), "pipe.json")) as Error).message).toBe(
      "pipe.json cannot be read: it is not a regular file (a device, a pipe or a socket)",
    );
  });

  it("reports a file it may not read (permissions) instead of taking it for no file", () => {
    const dir = folder();
    const path = join(dir, "lock.json");
    writeFileSync(path, "{}");
    chmodSync(path, 0o000);
    chmodSync(dir, 0o755);
    // The ordinary user may not be able to reach this checkout (a clone under a private folder):
    // it runs a copy of the compiled module (which imports only Node's own) from the same open folder.
    const module = join(dir, "files.mjs");
    copyFileSync(JSON.parse(DIST), module);
    const script = `import(${JSON.stringify(module)}).then(({ readText }) => { try { console.log(readText(${JSON.stringify(path)}, "lock.json")); } catch (e) { console.log(e.message); } })`;
    // Root reads any file: the read is made as an ordinary user (nobody) there.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", ...asUser });
    expect(run.stdout.trim()).toBe("lock.json cannot be read: permission denied (EACCES)");
  });
});
