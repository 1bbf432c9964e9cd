/**
 * Findings placed where an editor looks: the file as they name it, and the line of the field in
 * its front matter (a finding that came with its line keeps it). A field that is not in the file
 * itself is said to come from the data file that set it, found with the site's data-file rules.
 */
import { readFileSync } from "node:fs";
import { locateFields, type FieldLocations } from "../reprint/locate.js";
import { fieldSource, type DataFileRules } from "./datafiles.js";
import { ruleUrl, type Finding } from "../report/finding.js";
import { fieldKey } from "../util/text.js";
import { displayPath } from "../util/paths.js";
import type { RawFinding } from "../rules/run.js";

/** Positions of a reprint's front-matter fields; empty if the file cannot be read. */
function readLocations(inputPath: string): FieldLocations {
  try {
    return locateFields(readFileSync(inputPath, "utf8"));
  } catch {
    return { lines: new Map() };
  }
}

/** The line of a finding's field, and whether the value came from elsewhere than the file. */
function lineOf(finding: RawFinding, lines: Map<string, number>): { line?: number; elsewhere: boolean } {
  // `previousUrls[2]`: the entry's own line, else its field's; a data file sets the whole field.
  const entry = fieldKey(finding.field);
  const field = entry?.replace(/\[\d+\]$/, "");
  const own = entry !== undefined ? (lines.get(entry) ?? lines.get(field!)) : undefined;
  // A page-level field (permalink) points at its own line, or else at the front matter's start.
  const line = finding.field.startsWith("syndication") ? (own ?? lines.get("syndication") ?? lines.get("")) : (lines.get(`@${finding.field}`) ?? lines.get(""));
  // Where the file could not be read (a page not written yet), nothing is said of where a value came from.
  return { ...(line !== undefined ? { line } : {}), elsewhere: field !== undefined && own === undefined && !finding.absent && lines.size > 0 };
}

/** Place every finding; `rules` says how the site names its data files. */
export function place(found: RawFinding[], rules?: DataFileRules): Finding[] {
  const byFile = new Map<string, RawFinding[]>();
  for (const finding of found) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const placed: Finding[] = [];
  for (const [file, findings] of byFile) {
    // Findings that came with their lines (the lock's, unreadable YAML) need no look at the file.
    const { lines } = findings.every((f) => f.line !== undefined) ? { lines: new Map<string, number>() } : readLocations(file);
    for (const finding of findings) {
      const at = finding.line !== undefined ? { line: finding.line, elsewhere: false } : lineOf(finding, lines);
      const source = at.elsewhere && rules ? fieldSource(file, fieldKey(finding.field)!.replace(/\[\d+\]$/, ""), rules) : undefined;
      placed.push({
        rule: finding.rule,
        severity: finding.severity,
        file: displayPath(file),
        ...(at.line !== undefined ? { line: at.line } : {}),
        ...(finding.column !== undefined ? { column: finding.column } : {}),
        field: finding.field,
        message: at.elsewhere ? `${finding.message} (${source ? `set in ${source}` : "set in a data file"}, not in this file)` : finding.message,
        fix: finding.fix,
        url: ruleUrl(finding.rule),
      });
    }
  }
  return placed;
}
