/**
 * Reading and writing the files the plugin and its command own (the lock, an imported reprint):
 * written whole or not at all, and every file-system error it can foresee said in words that name
 * the file and the cause, never as a stack trace.
 */
import { accessSync, closeSync, constants, fsyncSync, linkSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { randomBytes } from "node:crypto";

/** What went wrong, in words, for the error codes a file system gives. */
const CAUSES: Record<string, string> = {
  ENOENT: "it does not exist",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of its path is a file, not a folder",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file would be larger than the system allows",
  ELOOP: "its path is a loop of symbolic links",
  EMFILE: "too many files are open",
  ENAMETOOLONG: "its name is too long",
  EEXIST: "it already exists",
  EIO: "the disk reported an input/output error",
  ERR_FS_FILE_TOO_LARGE: "it is too large to read",
};

/** A file-system error as words: "the disk is full (ENOSPC)". */
export function fileCause(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return `${CAUSES[code] ?? "the file system refused"} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** A file the plugin could not read or write: printed as one line, without a stack trace. */
export class FileError extends Error {
  skipOriginalStack = true;
  /** `"cannot be read: it is a folder, not a file (EISDIR)"`: the message without the file's name. */
  readonly what: string;
  constructor(shown: string, action: "read" | "written", cause: string) {
    super(`${shown} cannot be ${action}: ${cause}`);
    this.name = "FileError";
    this.what = `cannot be ${action}: ${cause}`;
  }
}

/**
 * A text file's content; undefined if there is no file. Anything else that stops the read (a
 * folder in its place, no permission, a device or pipe that would never end) is a FileError
 * naming the file and the cause.
 */
export function readText(path: string, shown = path): string | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw new FileError(shown, "read", fileCause(error));
  }
  if (stat.isDirectory()) throw new FileError(shown, "read", `${CAUSES.EISDIR} (EISDIR)`);
  if (!stat.isFile()) throw new FileError(shown, "read", "it is not a regular file (a device, a pipe or a socket)");
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new FileError(shown, "read", fileCause(error));
  }
}

/**
 * Why a file cannot be written whole at this path, or undefined if it can: asked before a build
 * writes any page, so that a lock it could not write stops the build early. A read-only file is
 * the owner's "leave it alone", even for a user the system would let write it.
 */
export function whyNotWritable(path: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    return fileCause(error);
  }
  if (stat?.isSymbolicLink()) return "it is a symbolic link, and the plugin does not write through links";
  if (stat?.isDirectory()) return `${CAUSES.EISDIR} (EISDIR)`;
  if (stat && !stat.isFile()) return "it is not a regular file";
  if (stat && (stat.mode & 0o222) === 0) return "it is read-only";
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) return `its folder ${folder} is not a folder`;
    // The new text goes to a file beside it, renamed over it: the folder must take new files.
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return code === "ENOENT" ? `its folder ${folder} does not exist` : `its folder cannot be written: ${fileCause(error)}`;
  }
  return undefined;
}

export interface WriteOptions {
  /** Replace a file that is there (default true); false fails with EEXIST instead. */
  replace?: boolean;
}

/**
 * Write a file whole: the text goes to a new temporary file in the same folder, is flushed to
 * disk, and is renamed over the file (or linked in place, when replacing is not wanted). A crash,
 * a kill or a full disk leaves the old file as it was, never half a file. Never writes through a
 * symbolic link: the temporary file is created new (O_EXCL), and a link at `path` is refused.
 * Throws a FileError that names `shown` and the cause.
 */
export function writeWhole(path: string, text: string, options: WriteOptions = {}, shown = path): void {
  const why = whyNotWritable(path);
  if (why !== undefined) throw new FileError(shown, "written", why);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    const bytes = Buffer.from(text, "utf8");
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.replace === false) {
      // link() fails if the name is taken: a file that appeared meanwhile is not overwritten.
      linkSync(temp, path);
      unlinkSync(temp);
    } else {
      renameSync(temp, path);
    }
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already reported: the write's own error.
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw new FileError(shown, "written", fileCause(error));
  }
}

/**
 * Where a path really is, symbolic links resolved: the real path of its deepest folder that
 * exists, with the rest of the path after it (for a file or folders not made yet).
 */
export function throughLinks(path: string): string {
  const rest: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(at), ...rest.reverse());
    } catch (error) {
      const parent = dirname(at);
      // A name that is not there yet (or a broken link): look one folder up.
      if (parent === at || !["ENOENT", "ENOTDIR"].includes(String((error as { code?: unknown }).code))) return resolve(path);
      rest.push(basename(at));
      at = parent;
    }
  }
}

/** Is `path` the folder `folder` or inside it? Both as given: resolve links first with throughLinks. */
export const isInside = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
