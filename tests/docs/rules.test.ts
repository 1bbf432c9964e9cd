import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { ROOT } from "../helpers.js";
import { RULES } from "../../plugins/syndication/rules/index.js";
import { rulesMarkdown } from "../../plugins/syndication/rules/docs.js";
import { normalise } from "../../plugins/syndication/rules/normalise.js";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";
import { writtenDates } from "../../plugins/syndication/reprint/locate.js";

describe("docs/rules.md", () => {
  it("is the registry's, as npm run docs:rules writes it (run it after changing a rule)", () => {
    expect(readFileSync(join(ROOT, "docs", "rules.md"), "utf8")).toBe(rulesMarkdown());
  });

  it("lists every rule once, each with a failing and a passing example", () => {
    const text = rulesMarkdown();
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(text.match(new RegExp(`^## ${rule.id}$`, "gm"))).toHaveLength(1);
      expect(rule.docs.fails).not.toBe(rule.docs.passes);
    }
  });
});

// The examples of the rules that judge one page's front matter are run through those rules: the
// failing one breaks the rule, the passing one does not.
const runnable = RULES.filter((rule) => rule.stage === "page" && (rule.docs.language ?? "yaml") === "yaml" && !rule.docs.fails.startsWith("#"));
const options = resolveOptions({ lockFile: false, now: () => new Date("2025-06-01T00:00:00Z") });

/** The rules an example of front matter (and body, after `---`) breaks. */
function broken(example: string): string[] {
  const [front, body] = example.split("\n---\n");
  const data = yaml.load(front!) as { syndication?: unknown; templateEngineOverride?: string };
  const templateSyntax = data.templateEngineOverride ?? "liquid,md";
  // Dates as written, as the build reads them beside YAML's (which rolls 2021-13-45 over).
  const written = writtenDates(`---\n${front}\n---\n`, data.syndication);
  return normalise(data.syndication, { fileSlug: "example", written, ...(body !== undefined ? { content: body, body } : {}), templateSyntax }, options).findings.map((f) => f.rule);
}

describe.each(runnable.map((rule) => ({ id: rule.id, rule })))("the examples of $id", ({ id, rule }) => {
  it("fail and pass as they say", () => {
    expect(broken(rule.docs.fails)).toContain(id);
    expect(broken(rule.docs.passes)).not.toContain(id);
  });
});
