/** docs/rules.md, written from the registry: every rule with what it asks, what turns it on, its messages and its examples. */
import { RULES } from "./index.js";
import type { AnyRule } from "./rule.js";

/** A message as text: Markdown's own characters escaped, so `[text](address)` or `<a href>` in a fix is shown, not made a link or a tag. */
const asText = (text: string) => text.replace(/[\\`*_[\]<>]/g, "\\$&");

const STAGES = { page: "one page's data", site: "the whole site and the lock", rendered: "the built page" } as const;

function section(rule: AnyRule): string {
  const language = rule.docs.language ?? "yaml";
  const messages = Object.values(rule.messages).map((m) => `- \`${rule.field}\` ${asText(`${m.message}, ${m.fix}`)}`);
  return [
    `## ${rule.id}`,
    "",
    rule.docs.description,
    "",
    `- Severity: ${rule.severity}`,
    `- Runs on: ${STAGES[rule.stage]} (\`${rule.stage}\`)`,
    `- Turned on by: ${rule.on}`,
    "",
    "Messages (`{…}` stands for what the finding fills in):",
    "",
    ...messages,
    "",
    "Fails:",
    "",
    "```" + language,
    rule.docs.fails,
    "```",
    "",
    "Passes:",
    "",
    "```" + language,
    rule.docs.passes,
    "```",
    "",
  ].join("\n");
}

export function rulesMarkdown(): string {
  const index = RULES.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.stage} | ${rule.on} |`);
  return [
    "# Rules",
    "",
    "<!-- Written by `npm run docs:rules` from plugins/syndication/rules/: edit the rules, not this file. -->",
    "",
    "Every problem and warning of the build and of `eleventy-syndication check` is a finding of one of",
    "these rules, named at the end of its line (`[source-required]`) and in `check --format json`",
    "(`rule`, with `url` pointing here). Rules run on one page's data as Eleventy reads it (`page`), on",
    "the whole site and the lock once every page has its address (`site`), or on the built page",
    "(`rendered`: the build only, after the pages are written).",
    "",
    "| rule | severity | stage | turned on by |",
    "|---|---|---|---|",
    ...index,
    "",
    ...RULES.map(section),
  ].join("\n");
}
