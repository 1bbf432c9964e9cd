/**
 * The report's text forms: one line a finding (`<file>:<line>  <field>  <message>, <fix>  [<rule>]`),
 * the report of every error, warnings (a summary where many pages share one), and GitHub Actions
 * annotations. A file name, or a value from the lock or an address, that holds a line break or a
 * terminal's escape sequence is shown escaped: it cannot forge a line of the report or colour it.
 */
import { showable } from "../util/text.js";
import { sortFindings, type Finding } from "./finding.js";

/** What a line needs of a finding: the rule is shown where there is one. */
export type Printable = Pick<Finding, "file" | "field" | "message" | "fix"> & Partial<Pick<Finding, "line" | "rule">>;

/** One line a finding. */
export function formatFinding(finding: Printable): string {
  const where = finding.line !== undefined ? `${finding.file}:${finding.line}` : finding.file;
  return showable(`${where}  ${finding.field}  ${finding.message}, ${finding.fix}${finding.rule ? `  [${finding.rule}]` : ""}`);
}

/** "3 problems in 2 reprints". */
export function countProblems(findings: Array<{ file: string }>): string {
  const files = new Set(findings.map((p) => p.file)).size;
  return `${findings.length} problem${findings.length === 1 ? "" : "s"} in ${files} reprint${files === 1 ? "" : "s"}`;
}

/** The whole report: every error in every file, grouped by file, in a stable order. */
export function formatReport(findings: Printable[]): string {
  return [`eleventy-plugin-syndication: ${countProblems(findings)}:`, ...sortFindings(findings).map(formatFinding)].join("\n");
}

/** How many pages one warning names before it is said once, as a summary. */
const SUMMARY_AFTER = 5;

/**
 * Warnings, one line each (`warning: …`); where more than five files share one (a layout that drops
 * every banner), one line names the first five and counts the rest.
 */
export function formatWarnings(findings: Printable[]): string[] {
  const groups = new Map<string, Printable[]>();
  for (const finding of sortFindings(findings)) {
    const key = `${finding.rule}\u0000${finding.field}\u0000${finding.message}\u0000${finding.fix}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()].flatMap((group) => {
    if (group.length <= SUMMARY_AFTER) return group.map((finding) => `warning: ${formatFinding(finding)}`);
    const files = [...new Set(group.map((f) => f.file))];
    const named = `${files.length} files (${files.slice(0, SUMMARY_AFTER).join(", ")}, and ${files.length - SUMMARY_AFTER} more)`;
    return [`warning: ${formatFinding({ ...group[0]!, file: named, line: undefined } as Printable)}`];
  });
}

/** GitHub's escapes: a message's %, CR and LF; a property's also `:` and `,`. */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** A GitHub Actions annotation (`::error file=…,line=…,col=…,title=<rule>::<message>, <fix>`): CI shows it beside the line. */
export function githubAnnotation(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    ...(finding.line !== undefined ? [`line=${finding.line}`] : []),
    ...(finding.column !== undefined ? [`col=${finding.column}`] : []),
    `title=${escapeProperty(finding.rule)}`,
  ];
  return `::${finding.severity} ${properties.join(",")}::${escapeData(`${finding.field} ${finding.message}, ${finding.fix}`)}`;
}
