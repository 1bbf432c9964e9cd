// The reference for `check`: a bare loop that only reads and parses the same files with gray-matter.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";

const dir = process.argv[2];
let count = 0;
for (const name of readdirSync(dir)) {
  if (!name.endsWith(".md")) continue;
  const { data } = matter(readFileSync(join(dir, name), "utf8"), {});
  if (data.syndication) count++;
}
console.log(count);
