/**
 * Which data file gave a reprint a field its own front matter does not have: the template and
 * directory data files Eleventy applies to a page, searched the way Eleventy searches them
 * (TemplateData#getLocalDataPaths), and JSON ones read for the field and its line. Used only when
 * a report is written, never on a build without problems.
 */
import { readFileSync } from "node:fs";
import { folderListings } from "./listing.js";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { createRequire } from "node:module";
import type { Node } from "yaml";

const require = createRequire(import.meta.url);

/** How a site names its data files: Eleventy's defaults, or what its config changed. */
export interface DataFileRules {
  inputDir: string;
  /** `setDataFileSuffixes`; default `[".11tydata", ""]`. */
  suffixes?: string[];
  /** `setDataFileBaseName` (for example `index`); default: the folder's own name. */
  dirBaseName?: string | false;
  /** Extensions added with `addDataExtension`, latest first as Eleventy tries them. */
  extensions?: string[];
}

/** Eleventy's config, where it says how data files are named (Eleventy 3 keeps these on it). */
export interface DataFileConfig {
  dataFileSuffixesOverride?: unknown;
  dataFileDirBaseNameOverride?: unknown;
  dataExtensions?: unknown;
}

/** The rules a site's Eleventy config gives, read when a report is written (config is final then). */
export function rulesFromConfig(inputDir: string, config: DataFileConfig): DataFileRules {
  const suffixes = Array.isArray(config.dataFileSuffixesOverride) ? (config.dataFileSuffixesOverride as string[]) : undefined;
  const dirBaseName = typeof config.dataFileDirBaseNameOverride === "string" ? config.dataFileDirBaseNameOverride : undefined;
  const extensions = config.dataExtensions instanceof Map ? [...(config.dataExtensions as Map<string, unknown>).keys()].reverse() : [];
  return { inputDir, ...(suffixes ? { suffixes } : {}), ...(dirBaseName ? { dirBaseName } : {}), extensions };
}

const listing = folderListings();
const exists = listing.exists;

/** The data files that apply to a page and exist, the one that wins first. */
export function dataFileCandidates(inputPath: string, rules: DataFileRules): string[] {
  // Listings are read afresh for each report: --watch may have added or removed files.
  listing.clear();
  const suffixes = rules.suffixes ?? [".11tydata", ""];
  const extensions = rules.extensions ?? [];
  const paths: string[] = [];
  const add = (base: string, suffixedOnly = false) => {
    for (const suffix of suffixes) {
      if (suffixedOnly && !suffix) continue;
      if (suffix) paths.push(`${base}${suffix}.js`, `${base}${suffix}.cjs`, `${base}${suffix}.mjs`);
      paths.push(`${base}${suffix}.json`, ...extensions.map((ext) => `${base}${suffix}.${ext}`));
    }
  };
  const file = resolve(inputPath);
  const root = resolve(rules.inputDir);
  const name = basename(file);
  // Eleventy removes the template's extension (`a.md` → `a`, `a.11ty.js` → `a`).
  const script = /\.11ty\.[cm]?js$/i;
  add(join(dirname(file), script.test(name) ? name.replace(script, "") : name.slice(0, name.length - extname(name).length)));
  for (let dir = dirname(file); dir.startsWith(root + sep); dir = dirname(dir)) {
    add(rules.dirBaseName ? join(dir, rules.dirBaseName) : join(dir, basename(dir)), Boolean(rules.dirBaseName));
  }
  if (rules.dirBaseName) add(join(root, rules.dirBaseName), true);
  else if (root !== resolve(".")) add(join(root, basename(root)));
  return [...new Set(paths)].filter(exists);
}

/** The 1-based line of `syndication.<field>` in a JSON data file, or undefined if it is not there. */
function jsonLine(path: string, field: string): number | undefined {
  const { isMap, isPair, isScalar, LineCounter, parseDocument } = require("yaml") as typeof import("yaml");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  // JSON is YAML 1.2: the same parser that places front-matter fields places a JSON key.
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const find = (node: unknown, key: string) =>
    isMap(node) ? node.items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === key) : undefined;
  const block = find(doc.contents, "syndication");
  const pair = block && isPair(block) ? find(block.value, field) : undefined;
  const range = pair && isPair(pair) ? (pair.key as Node | undefined)?.range : undefined;
  return range ? counter.linePos(range[0]).line : undefined;
}

const shown = (path: string) => relative(process.cwd(), path).split(sep).join("/");

/**
 * Where a field that is not in the page's own front matter was set: "src/x/x.11tydata.json:3", or
 * the JavaScript (or other) data files that may have set it, highest priority first; undefined if
 * no data file of the page can have set it (then it came from global data or the config).
 */
export function fieldSource(inputPath: string, field: string, rules: DataFileRules): string | undefined {
  const possible: string[] = [];
  for (const path of dataFileCandidates(inputPath, rules)) {
    if (path.endsWith(".json")) {
      const line = jsonLine(path, field);
      if (line === undefined) continue;
      // The highest JSON file that has the field wins over every file below it.
      if (possible.length === 0) return `${shown(path)}:${line}`;
      possible.push(`${shown(path)}:${line}`);
      break;
    }
    // A JavaScript data file (or one in a format the site added) is not run again to look.
    possible.push(shown(path));
  }
  return possible.length > 0 ? possible.join(" or ") : undefined;
}
