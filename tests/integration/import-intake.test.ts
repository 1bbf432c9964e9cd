import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import matter from "gray-matter";
import { installConsumer, pack } from "../consumer.js";
import { fixture, ROOT, site as readSite, words, withoutTimingNotes, type BuiltSite } from "../helpers.js";
import { linksInMarkdown } from "../../plugins/syndication/render/links.js";

// `import --html` and `import --feed` through the packed command, in a copy of a site (two reprints
// of the sample feed already there) that installs the tarball as users do, then the site built by
// its own Eleventy command: what the command wrote is what the build makes pages of.
const work = mkdtempSync(join(tmpdir(), "syndication-intake-cli-"));
const SAMPLES = join(ROOT, fixture("intake"));
const CONVERSATION_BOX = join(SAMPLES, "the-conversation-box.html");
const PROPUBLICA_BOX = join(SAMPLES, "propublica-box.html");
const FEED = join(SAMPLES, "the-conversation-feed.atom");
const PROPUBLICA_PIXEL = "https://pixel.propublica.org/pixel.gif?key=https%3A%2F%2Fexample.com%2Freprints%2F2023%2F07%2Fsample-story-republished-from-a-box%2F";
const CONVERSATION_PIXEL = "https://counter.theconversation.com/content/1000003/count.gif?distributor=republish-lightbox-basic";
const CONVERSATION_FILE = "reprints/sample-how-a-republish-box-becomes-a-reprint-1000003.md";
const PROPUBLICA_FILE = "reprints/sample-story-republished-from-a-box.md";

let siteDir: string;
const command = (args: string[], input?: string) => {
  const bin = join(work, "node_modules", "eleventy-plugin-syndication", "dist", "cli.js");
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: siteDir, encoding: "utf8", ...(input !== undefined ? { input } : {}) });
  // Eleventy's own note that a busy machine spent a share of the run in the preprocessor is not the command's.
  return { status: run.status, stdout: run.stdout, stderr: withoutTimingNotes(run.stderr) };
};
const reprints = () => readdirSync(join(siteDir, "reprints")).filter((f) => f.endsWith(".md")).sort();
const front = (file: string) => matter(readFileSync(join(siteDir, file), "utf8"), {});

beforeAll(() => {
  const install = installConsumer(work, pack(work), ["@11ty/eleventy"]);
  expect(install.status).toBe(0);
  siteDir = join(work, "site");
  cpSync(join(ROOT, fixture("intake-site")), siteDir, { recursive: true });
  writeFileSync(
    join(siteDir, "eleventy.config.mjs"),
    'import syndication from "eleventy-plugin-syndication";\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(syndication, { lockFile: false });\n}\n',
  );
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("import --html and --feed, through the packed command", () => {
  it("shows both in its help, with examples", () => {
    const help = command(["import", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--html <file>");
    expect(help.stdout).toContain("--feed <file>");
    expect(help.stdout).toContain("$ npx eleventy-syndication import --html republish-box.html");
    expect(help.stdout).toContain("--dry-run");
  });

  it("refuses two articles at once, and feed flags without a feed", () => {
    expect(command(["import", "--html", CONVERSATION_BOX, "--feed", FEED]).stderr).toContain("give one article at a time, not --html and --feed");
    expect(command(["import", "--html", CONVERSATION_BOX, "--limit", "2"]).status).toBe(2);
    expect(command(["import", "--feed", FEED, "--url", "https://theconversation.com/x-1"]).stderr).toContain("--url names one article, and a feed has many");
  });

  it("reads The Conversation's box: every field found, the counter moved into front matter, the credit line out", () => {
    const run = command(["import", "--html", CONVERSATION_BOX]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(CONVERSATION_FILE);
    // The box gives no date: worth adding, not needed by The Conversation's preset.
    expect(run.stderr).toContain("note: syndication.published is missing: the HTML gives no date for the original: give --published");
    const { data, content } = front(CONVERSATION_FILE);
    expect(data.title).toBe("Sample: how a republish box becomes a reprint");
    expect(data.syndication).toMatchObject({
      source: "the-conversation",
      originalUrl: "https://theconversation.com/sample-how-a-republish-box-becomes-a-reprint-1000003",
      author: [
        { name: "Jane Sample", affiliation: "University of Exampleton" },
        { name: "Omar Placeholder", affiliation: "Institute of Fixtures" },
      ],
      pixel: CONVERSATION_PIXEL,
    });
    expect(data.syndication.digest).toMatch(/^sha256-/);
    expect(content).not.toContain("count.gif");
    expect(content).not.toMatch(/republished from/i);
    for (const link of ["https://www.example.org/reprint-survey", "https://www.example.org/reports/links?year=2024&page=2", "https://doi.org/10.0000/sample.0001", "https://www.example.org/last"]) {
      expect(linksInMarkdown(content)).toContain(link);
    }
  });

  it("says which field ProPublica's box lacks and the flag that supplies it, and writes nothing", () => {
    const run = command(["import", "--html", PROPUBLICA_BOX]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${PROPUBLICA_BOX}: not written, since the reprint would not pass check:`);
    expect(run.stderr).toContain("  syndication.pixel  is missing: the HTML counts readers with a script (https://pixel.propublica.org/pixel.js)");
    expect(run.stderr).toContain("pixel.gif?key=<your reprint's address, URL-encoded>");
    expect(run.stderr).toMatch(/: give --pixel\n/);
    expect(existsSync(join(siteDir, PROPUBLICA_FILE))).toBe(false);
  });

  it("reads ProPublica's box from the standard input, given the pixel", () => {
    const run = command(["import", "--html", "-", "--pixel", PROPUBLICA_PIXEL], readFileSync(PROPUBLICA_BOX, "utf8"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(PROPUBLICA_FILE);
    const { data, content } = front(PROPUBLICA_FILE);
    expect(data.syndication).toMatchObject({
      source: "propublica",
      originalUrl: "https://www.propublica.org/article/sample-story-republished-from-a-box",
      published: "2023-07-01T06:00-04:00",
      author: "Sam Example",
      pixel: PROPUBLICA_PIXEL,
    });
    expect(content).not.toContain("pixel.js");
    expect(content).not.toMatch(/originally published/i);
    // The credit's first sentence is the plugin's to write; the newsletter line after it stays, with its link.
    expect(linksInMarkdown(content)).toEqual(["https://www.propublica.org/newsletters/dispatches", "https://www.example.org/report.pdf", "https://projects.propublica.org/sample-database/", "https://www.example.org/court/filing(2023)", "https://www.example.org/first"]);
  });

  it("names every field a bare fragment lacks, with its flag", () => {
    const run = command(["import", "--html", "-"], "<p>Just a paragraph, with no credit and no link.</p>");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("syndication.source  names no publisher that the reader could find (no credit line, no known address): give --source");
    expect(run.stderr).toContain("syndication.originalUrl  is missing: the HTML has no link to the original article: give --url");
    expect(run.stderr).toContain("syndication.licence  is missing: give --licence");
  });

  it("lists a feed of ten entries in a dry run: eight to write, two already reprinted, and writes nothing", () => {
    const before = reprints();
    const run = command(["import", "--feed", FEED, "--dry-run"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith("write  reprints/"))).toHaveLength(8);
    expect(lines.filter((l) => l.startsWith("skip "))).toEqual([
      "skip   Sample: what a dry summer does to soil: already reprinted by reprints/dry-summer-soil.md",
      "skip   Sample: a short history of the footnote: already reprinted by reprints/history-of-the-footnote.md",
    ]);
    expect(reprints()).toEqual(before);
  });

  it("refuses a feed entry whose photograph has no rights of its own, naming the image and the fix", () => {
    const before = reprints();
    const run = command(["import", "--feed", FEED, "--limit", "1"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${FEED}: Sample: tide gauges keep a longer record than we thought: not written, since the reprint would not pass check:`);
    expect(run.stderr).toContain(
      '  syndication.images  is missing, and the image "https://images.theconversation.com/files/1000110/original/f…" has no rights of its own: The Conversation\'s licence covers the text, not its images, add - { src: "https://images.theconversation.com/files/1000110/original/file-sample.jpg?ixlib=rb-4.1.0&q=45&auto=format&w=496&fit=clip"',
    );
    expect(run.stderr).toContain("(or import again with --without-images, which leaves out the images whose rights the HTML does not give)");
    expect(reprints()).toEqual(before);
  });

  it("writes the feed's entries after --since, at most --limit, and then the rest; a second run finds nothing new", () => {
    const first = command(["import", "--feed", FEED, "--since", "2025-09-20", "--limit", "2", "--without-images"]);
    // Each image left out is named, and nothing else is said.
    expect(first.stderr.trim().split("\n").map((line) => line.replace(/: note: left out the image .*, whose rights the HTML does not give \(--without-images\)$/, ""))).toEqual([
      `${FEED}: Sample: tide gauges keep a longer record than we thought`,
      `${FEED}: Sample: why libraries lend more than books`,
    ]);
    expect(first.status).toBe(0);
    const written = first.stdout.split("\n").filter((l) => l.startsWith("reprints/"));
    expect(written).toEqual(["reprints/sample-tide-gauges-keep-a-longer-record-than-we-thought-1000110.md", "reprints/sample-why-libraries-lend-more-than-books-1000109.md"]);
    expect(first.stdout).toContain("is beyond --limit 2");
    expect(first.stdout).toMatch(/was published 2025-09-\d\dT[^,]*, before --since 2025-09-20/);

    const rest = command(["import", "--feed", FEED, "--without-images"]);
    expect(rest.status).toBe(0);
    expect(rest.stdout.split("\n").filter((l) => l.startsWith("reprints/"))).toHaveLength(6);
    expect(rest.stdout.split("\n").filter((l) => l.startsWith("skip ") && l.includes("already reprinted by"))).toHaveLength(4);

    const again = command(["import", "--feed", FEED]);
    expect(again.status).toBe(0);
    expect(again.stdout.trim().split("\n").filter((l) => l.includes("already reprinted by"))).toHaveLength(10);
    expect(reprints()).toHaveLength(2 + 2 + 8);
  });

  describe("the site built with what was imported", () => {
    let built: BuiltSite;
    let status: number | null;
    beforeAll(() => {
      expect(command(["check"]).status).toBe(0);
      const run = spawnSync(process.execPath, [join(work, "node_modules", "@11ty", "eleventy", "cmd.cjs")], { cwd: siteDir, encoding: "utf8" });
      status = run.status;
      built = readSite(join(siteDir, "_site"));
    });

    it("builds every imported reprint", () => {
      expect(status).toBe(0);
      expect(built.files.filter((f) => f.startsWith("reprints/") && f.endsWith("index.html"))).toHaveLength(12);
    });

    it("credits each box with its publisher's exact banner, once, and shows its pixel once", () => {
      const conversation = built.page("/reprints/sample-how-a-republish-box-becomes-a-reprint-1000003/");
      expect(words(conversation(".syndication-credit").text())).toBe(
        "This article by Jane Sample (University of Exampleton) and Omar Placeholder (Institute of Fixtures) is republished from The Conversation under the Creative Commons Attribution No Derivatives 4.0 International licence.",
      );
      const propublica = built.page("/reprints/2023/07/sample-story-republished-from-a-box/");
      expect(words(propublica(".syndication-credit").text())).toBe(
        "This story was originally published by ProPublica. It is republished under the Creative Commons Attribution Non Commercial No Derivatives 3.0 Unported licence.",
      );
      expect(propublica(".syndication-credit a").first().attr("href")).toBe("https://www.propublica.org/article/sample-story-republished-from-a-box");
      for (const [$, pixel] of [[conversation, CONVERSATION_PIXEL], [propublica, PROPUBLICA_PIXEL]] as const) {
        expect($(`img[src="${pixel}"]`)).toHaveLength(1);
        expect($(".syndication-banner")).toHaveLength(1);
        $(".syndication-banner").remove();
        expect(words($("article").text())).not.toMatch(/\bThis (?:article|story)\b[^.]*\b(?:originally published|republished from)\b/);
      }
      // Every link of the story is on the page: ProPublica asks for them all.
      const hrefs = propublica("article a").toArray().map((a) => propublica(a).attr("href"));
      expect(hrefs).toEqual(expect.arrayContaining(["https://www.example.org/report.pdf", "https://projects.propublica.org/sample-database/", "https://www.example.org/court/filing(2023)", "https://www.example.org/first"]));
    });
  });
});
