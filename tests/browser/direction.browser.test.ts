import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { build, type BuiltSite } from "../helpers.js";

// Text from front matter cannot turn the credit around. A lone RIGHT-TO-LEFT OVERRIDE (U+202E) in
// the source's name, the copyright notice, an author or a withdrawal note would, written as it is,
// lay out the rest of its paragraph from right to left ("Reprinted without permission" read from
// the right). Built by Eleventy, opened in Debian's Chromium, and measured where the browser drew
// each letter. Outside CI, a machine without Chromium skips these tests (see demo.browser.test.ts).
const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);

const RLO = "\u202e";
const LAYOUT = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><article>{{ content | safe }}<p class="after">The article goes on in order.</p></article></body></html>
`;

function reprint(name: string, fields: string, title = "A reprint"): [string, string] {
  return [
    name,
    `---\ntitle: ${JSON.stringify(title)}\nlayout: page.njk\nsyndication:\n  originalUrl: https://wire.example.com/${name}\n  published: 2021-12-14\n${fields}\n---\nThe story.\n`,
  ];
}

const REPRINTS = [
  reprint("source", `  source: "Example Wire${RLO}"\n  licence: permission`),
  reprint("copyright", `  source: Example Wire\n  licence: permission\n  copyright: "${RLO}(c) 2021 Example Wire"`),
  reprint("arabic", `  source: "الجزيرة 24"\n  licence: permission`),
  reprint("author", `  source: Example Wire\n  licence: CC-BY-4.0\n  author: "Jane Doe${RLO}"`),
  reprint("withdrawn", `  source: "Example Wire${RLO}"\n  licence: permission\n  withdrawn: { note: "${RLO}Withdrawn at the publisher's request." }`),
];

describe.skipIf(!available && !process.env.CI)("text direction in a real browser", () => {
  let site: BuiltSite;
  let browser: Browser;

  beforeAll(async () => {
    const input = mkdtempSync(join(tmpdir(), "syndication-direction-"));
    mkdirSync(join(input, "reprints"));
    mkdirSync(join(input, "_includes"));
    writeFileSync(join(input, "_includes", "page.njk"), LAYOUT);
    for (const [name, text] of REPRINTS) writeFileSync(join(input, "reprints", `${name}.md`), text);
    site = await build(input, { plugin: { now: () => new Date("2025-01-01T00:00:00Z") } });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (name: string): Promise<Page> => {
    // Wide, so each sentence is on one line: the letters' order across the line is the reading order.
    const page = await browser.newPage({ viewport: { width: 2400, height: 800 } });
    await page.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(join(site.output, "reprints", "2021", "12", name, "index.html")).href);
    return page;
  };

  /** Where the browser drew each letter of a phrase inside an element: left edges, in reading order. */
  const lefts = (page: Page, selector: string, phrase: string) =>
    page.evaluate(
      ([selector, phrase]) => {
        const root = document.querySelector(selector!);
        if (!root) return null;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = node.data.indexOf(phrase!);
          if (at < 0) continue;
          const xs: number[] = [];
          for (let i = at; i < at + phrase!.length; i++) {
            if (node.data[i] === " ") continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            xs.push(range.getBoundingClientRect().left);
          }
          return xs;
        }
        return null;
      },
      [selector, phrase],
    );

  /** The phrase is drawn left to right, letter after letter. */
  const inOrder = async (page: Page, selector: string, phrase: string) => {
    const xs = await lefts(page, selector, phrase);
    expect(xs, `${selector} "${phrase}"`).not.toBeNull();
    for (let i = 1; i < xs!.length; i++) expect(xs![i]!, `${selector} "${phrase}" letter ${i}`).toBeGreaterThan(xs![i - 1]!);
  };

  it("draws 'reprinted with permission' in order after a source whose name holds a right-to-left override", async () => {
    const page = await open("source");
    await inOrder(page, ".syndication-credit", "and is reprinted with permission.");
    // The name itself is laid out as its own text says: inside its isolate.
    expect(await page.locator(".syndication-credit a bdi").textContent()).toBe(`Example Wire${RLO}`);
    await page.close();
  });

  it("keeps a copyright notice's override within the notice", async () => {
    const page = await open("copyright");
    await inOrder(page, ".syndication-credit", "and is reprinted with permission.");
    await inOrder(page, "p.after", "The article goes on in order.");
    await page.close();
  });

  it("draws the sentence in order around a name in a right-to-left script and its number", async () => {
    const page = await open("arabic");
    await inOrder(page, ".syndication-credit", "This article was originally published by");
    await inOrder(page, ".syndication-credit", "and is reprinted with permission.");
    // The name and its number stay together, on the left of "and": nothing after the name moved before it.
    const name = await page.locator(".syndication-credit bdi").boundingBox();
    const after = await lefts(page, ".syndication-credit", "and is reprinted");
    expect(name!.x + name!.width).toBeLessThanOrEqual(after![0]!);
    await page.close();
  });

  it("draws a Creative Commons credit in order after an author whose name holds an override", async () => {
    const page = await open("author");
    await inOrder(page, ".syndication-credit", "was originally published by");
    await inOrder(page, ".syndication-credit", "and is republished under the");
    await page.close();
  });

  it("draws a withdrawal notice in order, and keeps its note's override within the note", async () => {
    const page = await open("withdrawn");
    await inOrder(page, ".syndication-tombstone", "where you can read it.");
    await inOrder(page, "p.after", "The article goes on in order.");
    await page.close();
  });
});
