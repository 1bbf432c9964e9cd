import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rendersTags, unclosedTag } from "../../plugins/syndication/reprint/body.js";
import { unreadableBecause } from "../../plugins/syndication/eleventy/frontmatter.js";
import { normalise } from "../../plugins/syndication/rules/normalise.js";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";
import yaml from "js-yaml";
import { parseDocument } from "yaml";

const valid = { source: "Example Wire", originalUrl: "https://wire.example.com/1", licence: "permission" };

/** The template-tag-closed finding of a page whose file holds `source` and whose body is `body`. */
function bodyProblem(name: string, body: string, templateSyntax: string, source: string) {
  const file = join(mkdtempSync(join(tmpdir(), "syndication-body-")), name);
  writeFileSync(file, source);
  const { problems } = normalise(valid, { file, fileSlug: "x", content: body, templateSyntax }, resolveOptions({}));
  return problems.find((p) => p.rule === "template-tag-closed");
}

describe("template tags in a body", () => {
  it("finds a tag that is never closed, and only that", () => {
    expect(unclosedTag("a {{ b }} c {% d %} e", false)).toBeUndefined();
    expect(unclosedTag("a {{ b c", false)).toEqual({ index: 2, opener: "{{" });
    expect(unclosedTag("a {{ b }} then {% if", false)).toEqual({ index: 15, opener: "{%" });
    // Liquid has no {# comments #}; Nunjucks does.
    expect(unclosedTag("a {# b", false)).toBeUndefined();
    expect(unclosedTag("a {# b", true)).toEqual({ index: 2, opener: "{#" });
  });

  it("reads text inside {% raw %} as text", () => {
    expect(unclosedTag("{% raw %}{{ not closed{% endraw %} after", false)).toBeUndefined();
    expect(unclosedTag("{%- raw -%}{{{%- endraw -%} then {{", false)).toEqual({ index: 33, opener: "{{" });
  });

  it("is no problem where no template language renders the body first", () => {
    expect(rendersTags("md")).toBeUndefined();
    expect(rendersTags("liquid,md")).toBe("Liquid");
    expect(rendersTags("njk,md")).toBe("Nunjucks");
    expect(bodyProblem("x.md", "{{ open", "md", "---\n---\n{{ open")).toBeUndefined();
  });

  it("gives the line in the file, counting the front matter", () => {
    const source = "---\ntitle: T\n---\nfirst\n\nsecond {{ open\n";
    const problem = bodyProblem("x.md", "first\n\nsecond {{ open\n", "liquid,md", source);
    expect(problem).toMatchObject({ line: 6, field: "body" });
    expect(problem?.fix).toContain("templateEngineOverride: md");
    // A template in another language is told to close the tag instead.
    expect(bodyProblem("x.njk", "{% if", "njk", "{% if")?.fix).toContain("close the tag");
  });
});

describe("front matter a parser cannot read", () => {
  // The parser sees the text after the opening ---, starting with that line's end.
  it("is placed at the line in the file, from js-yaml's errors (counted from 0) and yaml's (from 1)", () => {
    // A key given twice, on the file's line 3: both parsers notice it there.
    const twice = "\ntitle: a\ntitle: b\n";
    let jsYamlError: unknown;
    try {
      yaml.load(twice);
    } catch (error) {
      jsYamlError = error;
    }
    expect(unreadableBecause(jsYamlError)).toEqual({ line: 3, column: 1, reason: "duplicated mapping key" });
    expect(unreadableBecause(parseDocument(twice).errors[0])).toEqual({ line: 3, column: 1, reason: "Map keys must be unique" });
    expect(unreadableBecause(new Error("no position\nmore"))).toEqual({ reason: "no position" });
  });
});
