import fc from "fast-check";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import matter from "gray-matter";
import { normalise } from "../../plugins/syndication/rules/normalise.js";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";
import { writtenDates } from "../../plugins/syndication/reprint/locate.js";
import { rewriteHead } from "../../plugins/syndication/render/head.js";
import { buildJsonLd, jsonLdScript } from "../../plugins/syndication/render/jsonld.js";
import { place as placeFindings } from "../../plugins/syndication/eleventy/place.js";
import { linksInMarkdown } from "../../plugins/syndication/render/links.js";
import { formatReport } from "../../plugins/syndication/report/format.js";
import { params } from "./settings.js";

// Long runs of letters, spaces and punctuation in every field, in a key's name, and in the front
// matter and body around the block, through what the build and `check` do with a file: the YAML
// parse, the dates as written, validation, the banner, the head, JSON-LD, the body's template tags
// and links, the report with every field's line. Nothing here is timed: a pattern that
// backtracks super-linearly (the field locator once took 37 s on 100,000 letters) makes these
// cases take minutes instead of milliseconds, and the test runner's time limit fails them.
// tests/integration/linear-time.test.ts measures the time per kilobyte of a real build.

const OPTIONS = resolveOptions({ lockFile: false, now: () => new Date("2025-01-01T00:00:00Z") });
const LAYOUT = `<!DOCTYPE html><html><head><title>T</title><link rel="canonical" href="/x/"></head><body><article>{content}</article></body></html>`;

/** Pieces of runs: letters, digits, spaces, and the punctuation YAML, HTML, templates and dates give meaning to. */
const PIECES = ["a", "Z", "é", "0", "9", " ", "\t", ".", ",", "-", "_", ":", ";", "'", '"', "#", "&", "*", "!", "?", "/", "\\", "<", ">", "{", "}", "[", "]", "(", ")", "%", "@", "=", "+", "|", "`", "~"];

/** A run: a short motif repeated (`a`, `a `, `a:`, `-0`) to a length of up to 100,000 characters. */
const run = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([motif, length]) => motif.join("").repeat(Math.ceil(length / motif.length)).slice(0, length));

/** Where a run goes: the value of each field (plain or quoted), a key's name, or around the block. */
const FIELDS = ["source", "originalUrl", "licence", "published", "expires", "author", "sourceUrl", "copyright", "changes", "pixel", "digest", "indexing"];
const place = fc.oneof(
  fc.record({ kind: fc.constant("field" as const), field: fc.constantFrom(...FIELDS), quoted: fc.boolean() }),
  fc.record({ kind: fc.constantFrom("key" as const, "title" as const, "comment" as const, "other" as const, "body" as const, "note" as const, "previous" as const) }),
);

const quoteYaml = (text: string) => JSON.stringify(text);

/** A reprint file with the run put in that place. */
function reprint(text: string, where: { kind: string; field?: string; quoted?: boolean }): string {
  const fields: Record<string, string> = {
    source: "Example Wire",
    originalUrl: "https://wire.example.com/story",
    licence: "permission",
    published: "2021-12-14",
  };
  const lines = ["---"];
  let body = "The story, with a [link](https://wire.example.com/other).\n";
  if (where.kind === "field") fields[where.field!] = where.quoted ? quoteYaml(text) : text;
  if (where.kind === "title") lines.push(`title: ${text}`);
  else lines.push("title: A reprint");
  if (where.kind === "comment") lines.push(`# ${text}`);
  if (where.kind === "other") lines.push(`notes: ${quoteYaml(text)}`);
  if (where.kind === "body") body = `${text}\n`;
  lines.push("syndication:");
  for (const [key, value] of Object.entries(fields)) lines.push(`  ${key}: ${value}`);
  if (where.kind === "key") lines.push(`  ${text.replace(/[:#\n]/g, "x")}: 1`);
  if (where.kind === "note") lines.push(`  withdrawn: { note: ${quoteYaml(text)} }`);
  if (where.kind === "previous") lines.push(`  previousUrls: [${quoteYaml(`/${text}/`)}]`);
  lines.push("---");
  return `${lines.join("\n")}\n${body}`;
}

const root = mkdtempSync(join(tmpdir(), "syndication-linear-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let sites = 0;

describe("long runs of letters, spaces and punctuation anywhere in a reprint", () => {
  it("go through the whole check and build pipeline, giving a page or one-line problems", () => {
    fc.assert(
      fc.property(run, place, (text, where) => {
        const file = reprint(text, where);
        const input = join(root, `site-${sites++}`);
        mkdirSync(join(input, "reprints"), { recursive: true });
        const path = join(input, "reprints", "x.md");
        writeFileSync(path, file);
        // The front matter as Eleventy reads it (its gray-matter and js-yaml).
        let data: Record<string, unknown>;
        let content: string;
        try {
          const read = matter(file, {});
          data = read.data as Record<string, unknown>;
          content = read.content;
        } catch {
          // YAML that cannot be read: the build reports it through its YAML engine guard.
          return;
        }
        const syndication = data.syndication as Record<string, unknown> | undefined;
        const result = normalise(syndication, { file: path, fileSlug: "x", title: data.title, written: writtenDates(file, syndication), body: content, content, templateSyntax: "liquid,md" }, OPTIONS);
        // Every problem with its file and line, one line each: nothing the text holds breaks or forges a line.
        const problems = placeFindings(result.problems);
        const report = problems.length > 0 ? formatReport(problems) : "";
        expect(report.split("\n").length).toBe(problems.length > 0 ? problems.length + 1 : 1);
        for (const problem of problems) expect(problem.file.endsWith("x.md")).toBe(true);
        linksInMarkdown(content);
        if (!result.reprint) {
          expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        const page = rewriteHead(LAYOUT.replace("{content}", `${result.reprint.banner.html}\n${content}`), {
          originalUrl: result.reprint.originalUrl,
          indexing: result.reprint.indexing,
          ogUrlToOriginal: true,
          extra: jsonLdScript(buildJsonLd(result.reprint, result.reprint.title)),
        });
        expect(page.match(/<link rel="canonical"/g)).toHaveLength(1);
        if (where.kind === "field" && where.field === "source" && /^[a-zA-Z ]+$/.test(text)) {
          expect(result.reprint.banner.text).toContain(text.trim());
        }
      }),
      // Each case is a file of up to 100 KB through everything: fewer cases than the other properties.
      params(0.25),
    );
  });
});
