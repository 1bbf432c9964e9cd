/**
 * The command's run of the site's own Eleventy: its config (with the options it passes to
 * `addPlugin`), data files of every kind, preprocessors, computed data, ignores and template
 * formats, up to the plugin's verdict, rendering and writing nothing. The verdict is the build's
 * by construction. Eleventy and tsx come from the site's own folder where it has them.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { registerRun, type Verdict } from "./command.js";
import { importEntry, packageFolder } from "./resolve.js";

/** Eleventy's own config names, then TypeScript ones (run through tsx), in the order they are looked for. */
export const CONFIG_NAMES = [".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts", "eleventy.config.mts", "eleventy.config.cts", ".eleventy.ts"];

/** A reprint to judge with the site before it is written: added as a virtual template. */
export interface Candidate {
  /** Its path relative to the input folder. */
  path: string;
  content: string;
  /** The file that is there already (`--force`), as Eleventy names it (`./src/reprints/a.md`): the candidate is read in its place. */
  replaces?: string;
}

export interface RunRequest {
  /** The input folder, as Eleventy's command takes it (default: the config's). */
  input?: string;
  /** The config file (default: the first of CONFIG_NAMES in the working folder). */
  config?: string;
  now?: number;
  candidate?: Candidate;
}

/** Something in the way of a run: the command says it and exits with `code`. */
export class RunError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

/** What 0.1 read the command's options from, and what to do with it now. */
const OLD_OPTIONS = "syndication.config.json";
const MOVE_OLD_OPTIONS = `the command no longer reads ${OLD_OPTIONS}: pass its options to eleventyConfig.addPlugin in the site's Eleventy config, set the folders there, and delete it`;

/** A package from the site's folder, else from the plugin's own. */
const fromSite = (name: string) => packageFolder(join(process.cwd(), "package.json"), name) ?? packageFolder(import.meta.url, name);

/** The config file the run loads, found as Eleventy finds it; a TypeScript one gets tsx. */
async function configFile(config: string | undefined): Promise<string | undefined> {
  const file = config ?? CONFIG_NAMES.find((name) => existsSync(name));
  if (file === undefined) return undefined;
  if (!existsSync(file)) throw new RunError(`config file ${file} does not exist`, 2);
  if (/\.json$/i.test(file)) throw new RunError(`${file} is not an Eleventy config (give eleventy.config.js or another config Eleventy loads); ${MOVE_OLD_OPTIONS}`, 2);
  if (/\.[cm]?ts$/.test(file)) {
    const tsx = fromSite("tsx");
    if (tsx === undefined) throw new RunError(`${file} is TypeScript: install tsx in the site (npm install --save-dev tsx), which the command loads it with`, 2);
    // Both loaders: a .ts config in a folder without "type": "module" is loaded as CommonJS.
    for (const api of ["./esm/api", "./cjs/api"]) ((await import(pathToFileURL(importEntry(tsx, api)).href)) as { register(): unknown }).register();
  }
  return file;
}

/** Eleventy's error, and the errors it wraps, in one line: what stopped it. */
function reason(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: unknown; originalError?: unknown; cause?: unknown } | undefined; e && parts.length < 4; e = (e.originalError ?? e.cause) as typeof e) {
    const text = String(e.message ?? e).split("\n")[0]!;
    if (!parts.includes(text)) parts.push(text);
  }
  return parts.join(": ");
}

/** Run the site's Eleventy to the plugin's verdict. */
export async function runToVerdict(request: RunRequest): Promise<Verdict> {
  const configPath = await configFile(request.config);
  const folder = fromSite("@11ty/eleventy");
  if (folder === undefined) throw new RunError("Eleventy cannot be found: install @11ty/eleventy in the site", 2);
  const module = (await import(pathToFileURL(importEntry(folder)).href)) as { default: new (...args: unknown[]) => EleventyLike };
  let verdict: (Verdict) | undefined;
  registerRun({ ...(request.now !== undefined ? { now: request.now } : {}), receive: (v) => (verdict = v) });
  const candidate = request.candidate;
  const eleventy = new module.default(request.input, undefined, {
    configPath: configPath ?? false,
    quietMode: true,
    config(eleventyConfig: { addTemplate(path: string, content: string): void; ignores: Set<string> }) {
      if (!candidate) return;
      if (candidate.replaces !== undefined) eleventyConfig.ignores.add(candidate.replaces);
      eleventyConfig.addTemplate(candidate.path, candidate.content);
    },
  });
  eleventy.disableLogger();
  try {
    await eleventy.init();
    quietBenchmarks(eleventy);
    await eleventy.toJSON();
  } catch (error) {
    if (verdict === undefined) throw new RunError(`Eleventy stopped before the reprints could be checked: ${reason(error)}`, 1);
  } finally {
    registerRun(undefined);
  }
  if (verdict === undefined) {
    const config = configPath ?? `no config file (looked for ${CONFIG_NAMES.join(", ")})`;
    const old = existsSync(OLD_OPTIONS) ? `; ${MOVE_OLD_OPTIONS}` : "";
    throw new RunError(`the site's Eleventy config (${config}) does not add eleventy-plugin-syndication: add it with eleventyConfig.addPlugin, or give the config with --config${old}`, 2);
  }
  return verdict;
}

/**
 * Eleventy's benchmark groups made while its config loads stay verbose in quiet mode, and warn
 * ("[11ty] Benchmark … Preprocessor") when a hook takes a tenth of the run: the command prints
 * only its own report.
 */
function quietBenchmarks(eleventy: EleventyLike): void {
  for (const group of Object.values(eleventy.bench?.benchmarkGroups ?? {})) group.setIsVerbose?.(false);
}

interface EleventyLike {
  disableLogger(): void;
  init(): Promise<unknown>;
  toJSON(): Promise<unknown>;
  bench?: { benchmarkGroups?: Record<string, { setIsVerbose?(verbose: boolean): void }> };
}
