import ts from "typescript";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyse } from "scslre";
import { RegExpParser } from "@eslint-community/regexpp";
import { ROOT } from "../helpers.js";
import { UNPRINTABLE } from "../../plugins/syndication/util/text.js";

// Every regular expression the plugin runs, read from its source and analysed for super-linear
// backtracking: within one attempt ("Self"), between two parts that can match the same text
// ("Trade"), or from trying every start position of an unanchored search ("Move", as the field
// locator's `[\w-]+:` did on a long run of letters, 37 s for 100,000 of them). The analysis
// (scslre, which eslint-plugin-regexp uses) looks for attack strings that repeat one character:
// the property and benchmark tests in tests/property/linear-time.property.test.ts feed the rest.

const SOURCE = join(ROOT, "plugins", "syndication");

interface Found {
  where: string;
  literal: string;
}

/** Regular expression literals, and the places that build one (`new RegExp(…)`, `RegExp(…)`), with what from. */
function patterns(): { literals: Found[]; built: string[] } {
  const literals: Found[] = [];
  const built: string[] = [];
  for (const file of (readdirSync(SOURCE, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))) {
    const source = ts.createSourceFile(file, readFileSync(join(SOURCE, file), "utf8"), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push({ where: where(node), literal: node.getText() });
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === "RegExp") {
        built.push(`${file}: ${node.arguments?.[0]?.getText().slice(0, 30)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, built };
}

const superLinear = (literal: string) =>
  analyse(new RegExpParser({ ecmaVersion: 2025 }).parseLiteral(literal), {
    reportTypes: { Move: true, Self: true, Trade: true },
  }).reports.map((report) => `${report.type}${report.exponential ? " (exponential)" : ""}`);

describe("the plugin's regular expressions", () => {
  const { literals, built } = patterns();

  it("are all found (the audit reads every module)", () => {
    console.log(`linear patterns: ${literals.length} regular expressions in plugins/syndication/`);
    expect(literals.length).toBeGreaterThan(100);
  });

  it("none backtracks super-linearly on any input", () => {
    const found = literals.flatMap(({ where, literal }) => {
      const reports = superLinear(literal);
      return reports.length > 0 ? [`${where} ${literal}: ${reports.join(", ")}`] : [];
    });
    expect(found).toEqual([]);
  });

  it("catches the kind of pattern that made a build take 37 s", () => {
    // The field locator's pattern before it was replaced: a key, then a date after the colon.
    expect(superLinear(String.raw`/([\w-]+)["']?[ \t]*:[ \t]*["']?(\d{4}-\d\d?-\d\d?)/gm`)).toEqual(["Move"]);
    expect(superLinear(String.raw`/\[\[(.*?)\]\]/gs`)).toEqual(["Move"]);
  });

  it("builds patterns only from a constant, or in one place reviewed by hand", () => {
    // The characters no page may carry: one character class, built once from a constant.
    expect(superLinear(`/${UNPRINTABLE}/gu`)).toEqual([]);
    // No other: `check` runs the site's Eleventy, which reads the ignore files itself.
    expect(built.filter((place) => !place.endsWith(": UNPRINTABLE"))).toEqual([]);
  });
});
