/**
 * The plugin's table of Creative Commons licences (plugins/syndication/reprint/creative-commons.ts),
 * generated from the SPDX list at the package's build time, so that the list itself (12 MB) is
 * a devDependency, not something every site installs. `npm run licences` writes the table;
 * tests/unit/licences.test.ts fails when the committed table is not
 * what the installed list gives.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import spdx from "spdx-license-list";

export const TABLE_FILE = fileURLToPath(new URL("../plugins/syndication/reprint/creative-commons.ts", import.meta.url));

/** The licence deed: the human-readable summary Creative Commons asks reprinters to link, not the legal code. */
export function deedUrl(url: string): string {
  return url.replace(/legalcode(\.[a-z-]+)?$/i, "");
}

/** The table's source text: each Creative Commons id of the list, in the list's order, with its name and deed. */
export function creativeCommonsSource(list: Record<string, { name: string; url: string }> = spdx): string {
  const rows = Object.entries(list)
    .filter(([id]) => /^CC(-|0-)/.test(id))
    .map(([id, entry]) => `  [${JSON.stringify(id)}, ${JSON.stringify(entry.name.replace(/\s+/g, " "))}, ${JSON.stringify(deedUrl(entry.url))}],`);
  return [
    "// Generated from spdx-license-list by scripts/creative-commons.ts (npm run licences): do not edit.",
    "",
    "/** The Creative Commons licences of the SPDX list: id, full name, and the deed (not the legal code). */",
    "export const CREATIVE_COMMONS_LIST: ReadonlyArray<readonly [id: string, name: string, deed: string]> = [",
    ...rows,
    "];",
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = creativeCommonsSource();
  const before = existsSync(TABLE_FILE) ? readFileSync(TABLE_FILE, "utf8") : "";
  if (before !== text) writeFileSync(TABLE_FILE, text);
  console.log(`${TABLE_FILE}: ${before === text ? "up to date" : "written"}`);
}
