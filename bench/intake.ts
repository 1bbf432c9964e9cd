/**
 * node --import tsx bench/intake.ts: how the republish-box reader's time grows with the size of
 * the HTML, for the shapes an article takes and for shapes only a hostile page takes. Each shape is
 * read at n, 2n and 4n after a warm-up; a linear reader shows ratios near 2 and 4. Prints a table;
 * no test asserts a time.
 */
import { readRepublishHtml } from "../plugins/syndication/intake/intake.js";

const SHAPES: Record<string, (n: number) => string> = {
  "paragraphs (an article)": (n) =>
    Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} with <a href="https://example.org/${i}">a link</a> and <em>emphasis</em> &amp; text.</p>\n`).join(""),
  "one paragraph of links": (n) => `<p>${Array.from({ length: n }, (_, i) => `text ${i} <a href="https://example.org/${i}">link</a> `).join("")}</p>`,
  "a list": (n) => `<ul>${Array.from({ length: n }, (_, i) => `<li>item ${i} <a href="https://example.org/${i}">link</a></li>`).join("")}</ul>`,
  "a quotation of paragraphs": (n) => `<blockquote>${Array.from({ length: n }, (_, i) => `<p>line ${i}</p>`).join("")}</blockquote>`,
  "nested divs": (n) => `${"<div>".repeat(n)}<p>deep <a href="https://example.org/">link</a></p>${"</div>".repeat(n)}`,
  "nested emphasis": (n) => `<p>${"<em><strong>".repeat(n)}x${"</strong></em>".repeat(n)}</p>`,
};

const n = Number(process.argv[2] ?? 4000);
const time = async (html: string) => {
  const start = performance.now();
  await readRepublishHtml(html);
  return performance.now() - start;
};

await time(SHAPES["paragraphs (an article)"]!(n)); // warm-up: loading the libraries, JIT
console.log(`| shape | ${n} | ${2 * n} | ${4 * n} | ratios |`);
console.log("|---|---|---|---|---|");
for (const [name, make] of Object.entries(SHAPES)) {
  const times: number[] = [];
  for (const size of [n, 2 * n, 4 * n]) times.push(await time(make(size)));
  const [a, b, c] = times as [number, number, number];
  console.log(`| ${name} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ${c.toFixed(0)} ms | ${(b / a).toFixed(1)}, ${(c / a).toFixed(1)} |`);
}
