import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { ROOT } from "../helpers.js";

// The documentation's links resolve in the repository: every relative link and #anchor in the
// README, CONTRIBUTING.md, CHANGELOG.md and docs/*.md, read with markdown-it as CommonMark reads
// it (so code, images and reference links are what they are), anchors slugged as GitHub slugs
// headings. The README stays short, and links every page of docs/.

/** Files of the repository: tracked, or new and not ignored. */
const REPO_FILES = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter((file) => file !== "");
const DOCS = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", ...REPO_FILES.filter((file) => /^docs\/[^/]+\.md$/.test(file)).sort()];
const README_LIMIT = 12.5 * 1024;

const md = new MarkdownIt({ html: true });

/**
 * GitHub's anchor for a heading (as github-slugger makes it): the heading's text in lower case,
 * without punctuation and symbols (letters, marks, digits, `_`, `-` and spaces stay), spaces as
 * hyphens; a slug already taken gets `-1`, `-2`…
 */
function githubSlugs(headings: string[]): string[] {
  const seen = new Map<string, number>();
  return headings.map((text) => {
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
    const count = seen.get(base);
    seen.set(base, (count ?? -1) + 1);
    return count === undefined ? base : `${base}-${count + 1}`;
  });
}

/** A heading's text as GitHub renders it: text and code, without the Markdown around them. */
const inlineText = (inline: Token) => (inline.children ?? []).filter((t) => t.type === "text" || t.type === "code_inline").map((t) => t.content).join("");

interface Parsed {
  anchors: Set<string>;
  links: Array<{ href: string; line: number }>;
}

const parsedFiles = new Map<string, Parsed>();

/** A Markdown file's anchors (its headings' slugs) and the addresses of its links and images. */
function parse(file: string): Parsed {
  const cached = parsedFiles.get(file);
  if (cached) return cached;
  const tokens = md.parse(readFileSync(join(ROOT, file), "utf8"), {});
  const headings: string[] = [];
  const links: Parsed["links"] = [];
  tokens.forEach((token, i) => {
    if (token.type === "heading_open") headings.push(inlineText(tokens[i + 1]!));
    if (token.type !== "inline") return;
    for (const child of token.children ?? []) {
      const href = child.type === "link_open" ? child.attrGet("href") : child.type === "image" ? child.attrGet("src") : null;
      if (href !== null) links.push({ href, line: (token.map?.[0] ?? 0) + 1 });
    }
  });
  const parsed = { anchors: new Set(githubSlugs(headings)), links };
  parsedFiles.set(file, parsed);
  return parsed;
}

/** What is wrong with a relative link of `file`, or undefined when it resolves. */
function problem(file: string, href: string): string | undefined {
  const hash = href.indexOf("#");
  const path = decodeURIComponent(hash === -1 ? href : href.slice(0, hash));
  const anchor = hash === -1 ? undefined : decodeURIComponent(href.slice(hash + 1));
  const target = path === "" ? file : posix.normalize(posix.join(posix.dirname(file), path)).replace(/\/$/, "");
  const isFile = REPO_FILES.includes(target);
  if (!isFile && !REPO_FILES.some((f) => f.startsWith(`${target}/`))) return `${target} is not in the repository`;
  if (anchor === undefined) return undefined;
  if (!isFile || !target.endsWith(".md")) return `#${anchor} points into ${target}, which has no headings`;
  return parse(target).anchors.has(anchor) ? undefined : `${target} has no heading whose anchor is #${anchor}`;
}

const relative = (href: string) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//");

describe("the documentation's links", () => {
  it("slugs headings as GitHub does", () => {
    expect(githubSlugs(["`check [input-dir]`", "The page's date", "`forget <reprint...>`", "Next to Eleventy's own features", "Notes", "Notes", "Ünïcode — Дата"])).toEqual([
      "check-input-dir",
      "the-pages-date",
      "forget-reprint",
      "next-to-eleventys-own-features",
      "notes",
      "notes-1",
      "ünïcode--дата",
    ]);
  });

  it("reads the README, CONTRIBUTING.md, CHANGELOG.md and every page of docs/", () => {
    expect(DOCS).toEqual(expect.arrayContaining(["README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs/rules.md", "docs/fields.md"]));
    for (const file of DOCS) expect(statSync(join(ROOT, file)).isFile()).toBe(true);
  });

  it.each(DOCS)("every relative link and #anchor in %s resolves in the repository", (file) => {
    const broken = parse(file)
      .links.filter(({ href }) => relative(href))
      .flatMap(({ href, line }) => {
        const why = problem(file, href);
        return why === undefined ? [] : [`${file}:${line}  ${href}  ${why}`];
      });
    expect(broken).toEqual([]);
  });

  it("finds a broken link and a missing anchor (the check can fail)", () => {
    expect(problem("README.md", "docs/nowhere.md")).toBe("docs/nowhere.md is not in the repository");
    expect(problem("README.md", "docs/fields.md#no-such-heading")).toBe("docs/fields.md has no heading whose anchor is #no-such-heading");
    expect(problem("docs/fields.md", "#date-rules")).toBeUndefined();
    expect(problem("docs/fields.md", "../CHANGELOG.md")).toBeUndefined();
  });
});

describe("the README", () => {
  it(`stays under ${README_LIMIT / 1024} KB`, () => {
    expect(statSync(join(ROOT, "README.md")).size).toBeLessThan(README_LIMIT);
  });

  it("links every page of docs/, and CONTRIBUTING.md", () => {
    const linked = new Set(parse("README.md").links.map(({ href }) => href.split("#")[0]));
    const pages = DOCS.filter((file) => file.startsWith("docs/"));
    expect(pages.filter((page) => !linked.has(page))).toEqual([]);
    expect(linked.has("CONTRIBUTING.md")).toBe(true);
  });

  it("keeps the repository's two-command quick start findable in CONTRIBUTING.md, linked from the README", () => {
    const contributing = readFileSync(join(ROOT, "CONTRIBUTING.md"), "utf8");
    expect(parse("CONTRIBUTING.md").anchors.has("quick-start")).toBe(true);
    expect(contributing).toContain("npm install && npm run build");
    expect(contributing).toContain("npm test");
    expect(parse("README.md").links.map(({ href }) => href)).toContain("CONTRIBUTING.md#quick-start");
  });
});
