/**
 * What every kind of `import` shares: where it may write, the file's text, and the judgement of
 * the new reprints with the rest of the site by the site's own Eleventy (as virtual pages where
 * they would be written) before anything is written. A reprint is written only if it brings no
 * error of its own; nothing is written when the new reprints together break another file.
 */
import { existsSync, lstatSync, mkdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { judgeSite, UsageError, type SiteFlags } from "./common.js";
import { isInside, throughLinks, writeWhole } from "../util/files.js";
import { showable } from "../util/text.js";
import { flagFor } from "../reprint/fields.js";
import type { SiteInfo, Verdict } from "../eleventy/command.js";
import type { Finding } from "../report/finding.js";
import { RULES } from "../rules/index.js";

const PAGE_RULES = new Set<string>(RULES.filter((rule) => rule.stage === "page").map((rule) => rule.id));

/**
 * Where `import --out` may write: a .md file inside the input folder once links are resolved, not
 * in the includes, data or output folders (never built as a page, or overwritten by the build),
 * and not a link itself. Returns the real path to write.
 */
export function importTarget(out: string, site: SiteInfo): string {
  const where = `--out ${out}`;
  // Eleventy's folders (`./site/_includes/`) as an editor names them.
  const shown = (folder: string) => folder.replace(/^\.\//, "").replace(/\/$/, "") || ".";
  if (!out.endsWith(".md")) throw new UsageError(`${where} must be a .md file, which the build reads as a reprint`);
  const input = throughLinks(site.input);
  const target = throughLinks(out);
  if (!isInside(target, input) || target === input) {
    throw new UsageError(`${where} must be a .md file inside the site's input folder (${shown(site.input)}), where the build will find it${target !== resolve(out) ? ` (it leads to ${target})` : ""}`);
  }
  for (const [kind, folder] of [["includes", site.includes], ["data", site.data], ["output", site.output]] as const) {
    if (isInside(target, throughLinks(folder))) {
      throw new UsageError(`${where} is in the ${kind} folder (${shown(folder)}), ${kind === "output" ? "which the build overwrites" : "whose files the build does not make into pages"}: give a file among the site's pages`);
    }
  }
  const stat = lstatSync(out, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) throw new UsageError(`${where} is a symbolic link; import writes only to a real file, never through a link`);
  if (stat?.isDirectory()) throw new UsageError(`${where} is a folder; give the .md file to write`);
  return target;
}

/** "Jane Doe (University of Leeds)": a name and the institution the author writes from. */
export function author(text: string): string | { name: string; affiliation: string } {
  // The last bracket, found without trying every split of the name (linear in its length).
  const match = /\(([^()]+)\)$/.exec(text.trim());
  const name = match ? text.trim().slice(0, match.index).trim() : "";
  return match && name !== "" ? { name, affiliation: match[1]!.trim() } : text;
}

/** The file's text: YAML front matter (an address on one line, dates as text) and the body. */
export async function fileText(front: Record<string, unknown>, body: string): Promise<string> {
  const { stringify } = await import("yaml");
  // YAML 1.1, as Eleventy reads it: a date written as text stays text.
  const yaml = stringify(front, { version: "1.1", lineWidth: 0 });
  return `---\n${yaml}---\n${body.endsWith("\n") ? body : `${body}\n`}`;
}

/** A reprint ready to be judged: what it came from, where it goes, its text. */
export interface Draft {
  /** What the editor gave (`story.txt`, `box.html`, a feed entry's title), to say which was refused. */
  from: string;
  /** `--out` as given, or the default path: printed once written. */
  out: string;
  /** The real path to write. */
  target: string;
  text: string;
  /** A flag worth naming beside one, where the source says more (`--licence (the credit line names…)`). */
  flagNote?: (flag: string) => string;
  /** Read from HTML: `--without-images` can leave out an image that has no rights of its own. */
  imagesFlag?: boolean;
}

/** Where a draft goes: refused without --force where a file is there already. */
export function existing(out: string, force: boolean): string | undefined {
  return existsSync(out) && !force ? `${out} already exists; give --force to overwrite it, or --out for another file.` : undefined;
}

/** The errors a candidate file would bring: its own, and those of other files that were not there without the candidates. */
function newErrors(before: Finding[], after: Finding[], files: Set<string>): Finding[] {
  const key = (f: Finding) => `${f.rule}\u0000${f.file}\u0000${f.field}\u0000${f.message}`;
  const had = new Set(before.map(key));
  return after.filter((f) => f.severity === "error" && (files.has(f.file) || !had.has(key(f))));
}

/** Say why a reprint was not written: each problem, with the flag that gives the field where there is one. */
function refuse(draft: Draft, errors: Finding[], file: string): void {
  console.error(showable(`${draft.from}: not written, since the reprint would not pass check:`));
  for (const p of errors) {
    // A flag mends what the reprint's own fields lack; a clash with another file is named with it.
    const own = PAGE_RULES.has(p.rule);
    const flag = own && p.field.startsWith("syndication.") ? flagFor(p.field.slice("syndication.".length)) : undefined;
    const shown = flag && draft.flagNote ? draft.flagNote(flag) : flag;
    console.error(showable(`  ${p.file === file ? "" : `${p.file}  `}${p.field}  ${p.message}${shown ? `: give ${shown}` : `, ${p.fix}`}`));
  }
  if (draft.imagesFlag && errors.some((p) => p.rule === "image-rights")) console.error("  (or import again with --without-images, which leaves out the images whose rights the HTML does not give)");
  process.exitCode = 1;
}

/**
 * Judge the drafts with the site, in one run of its Eleventy, and write each that brings no error.
 * Errors of other files that the drafts bring (a clash between two of them, or with a page) stop
 * every draft they name, and any that names none of them stops all. Returns the drafts written.
 */
export async function judgeAndWrite(drafts: Draft[], before: Verdict, flags: SiteFlags & { force?: unknown }): Promise<Draft[]> {
  const site = before.site;
  const input = throughLinks(site.input);
  const placed = drafts.map((draft) => {
    const path = relative(input, draft.target).split("\\").join("/");
    const inputPath = join(site.input, path);
    return { draft, path, inputPath, file: relative(process.cwd(), inputPath).split("\\").join("/") };
  });
  const candidates = placed.map(({ draft, path, inputPath }) => ({ path, content: draft.text, ...(existsSync(draft.target) ? { replaces: `./${inputPath}` } : {}) }));
  const after = await judgeSite(undefined, flags, candidates);
  const files = new Set(placed.map((p) => p.file));
  const errors = newErrors(before.findings, after.findings, files);
  const elsewhere = errors.filter((f) => !files.has(f.file));
  const written: Draft[] = [];
  for (const { draft, file } of placed) {
    const own = errors.filter((f) => f.file === file || (elsewhere.length > 0 && f.file !== file && !files.has(f.file)));
    if (own.length > 0) {
      refuse(draft, own, file);
      continue;
    }
    mkdirSync(dirname(draft.target), { recursive: true });
    writeWhole(draft.target, draft.text, { replace: Boolean(flags.force) }, draft.out);
    console.log(showable(draft.out));
    written.push(draft);
  }
  return written;
}
