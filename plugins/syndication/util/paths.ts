/** Paths as an editor names them. */

/** `./src/reprints/a.md` → `src/reprints/a.md`, the way an editor names the file. */
export const displayPath = (inputPath: string) => inputPath.replace(/^\.\//, "");
