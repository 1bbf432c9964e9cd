/**
 * How `eleventy-syndication check` and `report` hear the build's verdict. The command runs the
 * site's own Eleventy and registers itself process-wide (a symbol every copy of the plugin knows,
 * so the command and the site may load different copies); the plugin, at its verdict, hands it
 * the findings and the reprints and stops the build with a private signal, before anything renders
 * or is written.
 */
import type { Finding } from "../report/finding.js";

const KEY = Symbol.for("eleventy-plugin-syndication.command");

import type { ReportRow } from "../report/table.js";
import type { SourceEntry } from "../types.js";

export type ReprintRow = ReportRow;

/** Where the site keeps things, and the options the command needs, as the site's config says. */
export interface SiteInfo {
  /** Eleventy's folders (`./src/`, `./src/_includes/`, `./_site/`). */
  input: string;
  includes: string;
  data: string;
  output: string;
  reprintsDir: string;
  lockFile: string | false;
  /** Publishers by key (presets and the `sources` option), each with its preset applied. */
  sources: Record<string, SourceEntry>;
}

/** What the plugin hands the command: plain data, since the two may be different copies. */
export interface Verdict {
  findings: Finding[];
  reprints: ReprintRow[];
  /** The originals the site reprints, each with the file that reprints it: what `import --feed` skips. */
  originals: Array<[originalUrl: string, file: string]>;
  site: SiteInfo;
}

export interface CommandRun {
  /** The clock the command was given (`--now`), over the site's `now` option. */
  now?: number;
  receive(verdict: Verdict): void;
}

/** The command run this process is for, if any. */
export const commandRun = (): CommandRun | undefined => (globalThis as Record<symbol, CommandRun | undefined>)[KEY];

/** Register (or, with undefined, end) the command's run. */
export function registerRun(run: CommandRun | undefined): void {
  (globalThis as Record<symbol, CommandRun | undefined>)[KEY] = run;
}

/** The signal the plugin stops the build with once the command has its verdict. */
export const VERDICT_REACHED = "eleventy-plugin-syndication: verdict reached";
export class VerdictReached extends Error {
  skipOriginalStack = true;
  constructor() {
    super(VERDICT_REACHED);
  }
}
