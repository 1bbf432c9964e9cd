/** What the commands share: how a mistake in the call is said, the shared options, the site's run. */
import { existsSync, statSync } from "node:fs";
import { Option } from "commander";
import { parseDate } from "../reprint/dates.js";
import { runToVerdict, type Candidate } from "../eleventy/run.js";
import type { Verdict } from "../eleventy/command.js";

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

export const configOption = () =>
  new Option("-c, --config <file>", "the site's Eleventy config, as Eleventy's own command takes it (default: eleventy.config.js, .mjs, .cjs, .ts or .eleventy.js)");
export const nowOption = () => new Option("--now <date>", "the date to check expiry against (default: today)");

/** `--now 2025-06-01` as a time. */
export function parseNow(now: string | undefined): number | undefined {
  if (now === undefined) return undefined;
  const parsed = parseDate(now);
  if (!parsed.ok) throw new UsageError(`--now "${now}" is not a date; write it as 2025-06-01 or 2025-06-01T12:00:00Z`);
  return parsed.date.millis;
}

/** The input folder given on the command line, if any: it must be a folder. */
export function inputArgument(dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  if (!existsSync(dir)) throw new UsageError(`input folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is a file; give the site's input folder`);
  return dir;
}

export interface SiteFlags {
  config?: string;
  now?: string;
}

/** `import`'s flags, as commander gives them: the site's and the reprint's (`--url`, `--html`, …). */
export type ImportFlags = SiteFlags & Record<string, string | string[] | boolean | undefined>;

/** Run the site's Eleventy to the plugin's verdict, with what the command line says. */
export function judgeSite(dir: string | undefined, flags: SiteFlags, candidates?: Candidate[]): Promise<Verdict> {
  const input = inputArgument(dir);
  const now = parseNow(flags.now);
  return runToVerdict({
    ...(input !== undefined ? { input } : {}),
    ...(flags.config !== undefined ? { config: flags.config } : {}),
    ...(now !== undefined ? { now } : {}),
    ...(candidates ? { candidates } : {}),
  });
}
