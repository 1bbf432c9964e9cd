import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { dataFileCandidates, fieldSource, rulesFromConfig } from "../../plugins/syndication/eleventy/datafiles.js";

/** A site folder with these files (empty JSON objects unless given). */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "syndication-datafiles-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("the data files of a page", () => {
  it("are found as Eleventy finds them, the one that wins first", () => {
    const dir = site({
      "src/src.json": "{}",
      "src/reprints/reprints.11tydata.json": "{}",
      "src/reprints/reprints.11tydata.js": "",
      "src/reprints/reprints.json": "{}",
      "src/reprints/rferl/rferl.11tydata.json": "{}",
      "src/reprints/rferl/a.11tydata.json": "{}",
      "src/reprints/rferl/a.md": "",
      "src/reprints/rferl/index.11tydata.json": "{}",
    });
    const names = (rules = { inputDir: join(dir, "src") }) =>
      dataFileCandidates(join(dir, "src/reprints/rferl/a.md"), rules).map((p) => relative(dir, p));
    expect(names()).toEqual([
      "src/reprints/rferl/a.11tydata.json",
      "src/reprints/rferl/rferl.11tydata.json",
      "src/reprints/reprints.11tydata.js",
      "src/reprints/reprints.11tydata.json",
      "src/reprints/reprints.json",
      "src/src.json",
    ]);
    // setDataFileBaseName("index"): folders' files are index.*, and never without a suffix.
    const rules = rulesFromConfig(join(dir, "src"), { dataFileDirBaseNameOverride: "index", dataExtensions: new Map() });
    expect(names(rules)).toEqual(["src/reprints/rferl/a.11tydata.json", "src/reprints/rferl/index.11tydata.json"]);
  });

  it("name the JSON file that sets a field, with its line, or the code files that may", () => {
    const dir = site({
      "reprints/reprints.11tydata.json": '{\n  "syndication": {\n    "licence": "x"\n  }\n}\n',
      "reprints/a.md": "",
      "reprints/b/b.11tydata.mjs": "export default {};",
      "reprints/b/c.md": "",
    });
    const rules = { inputDir: dir };
    const shown = (text: string | undefined) => text?.replaceAll(relative(process.cwd(), dir), "<site>");
    expect(shown(fieldSource(join(dir, "reprints/a.md"), "licence", rules))).toBe("<site>/reprints/reprints.11tydata.json:3");
    expect(fieldSource(join(dir, "reprints/a.md"), "source", rules)).toBeUndefined();
    expect(shown(fieldSource(join(dir, "reprints/b/c.md"), "licence", rules))).toBe(
      "<site>/reprints/b/b.11tydata.mjs or <site>/reprints/reprints.11tydata.json:3",
    );
  });
});
