import { describe, expect, it } from "vitest";
import { applyEdits, attributes, startTags, withoutTags } from "../../plugins/syndication/render/tags.js";

const IMG_OR_LINK = /<(img|link)(?=[\s/>])/gi;
const names = (html: string) => [...startTags(html, IMG_OR_LINK)].map((t) => t.text);

describe("startTags", () => {
  it("reads each tag to its first > outside a quoted value, as a browser does", () => {
    expect(names(`<p><IMG src="a>b" alt='c>d'> x <link rel=canonical href=/y/></p>`)).toEqual([
      `<IMG src="a>b" alt='c>d'>`,
      "<link rel=canonical href=/y/>",
    ]);
    // Not a tag: a name that only starts the same, and a tag inside another's attribute value.
    expect(names(`<imgx src=a> <img alt="<link rel=canonical>">`)).toEqual([`<img alt="<link rel=canonical>">`]);
  });

  it("ends the markup at a tag never closed, and so reads each character once", () => {
    expect(names(`<img src=a> <img src="b> <link rel=canonical>`)).toEqual(["<img src=a>"]);
    const hostile = "<img <link ".repeat(100_000);
    expect(names(hostile)).toEqual([]);
    expect(names(`${'<img src="'.repeat(50_000)}`)).toEqual([]);
  });

  it("takes tags out with the line break after them, and reads their attributes", () => {
    const html = `a<link rel="canonical" href="/x">\r\nb<link rel=stylesheet href=s.css>\nc`;
    expect(withoutTags(html, IMG_OR_LINK, (t) => attributes(t.text).get("rel") === "canonical")).toBe("ab<link rel=stylesheet href=s.css>\nc");
    expect([...attributes(`<img SRC=a alt="x y" src=b hidden>`)]).toEqual([["src", "a"], ["alt", "x y"], ["hidden", ""]]);
  });
});

describe("applyEdits", () => {
  it("makes every edit in one pass, in order of position, insertions where they are given", () => {
    const html = "<a><b><c>";
    const edits = [
      { start: 6, end: 9, text: "<C>" },
      { start: 3, end: 3, text: "1" },
      { start: 3, end: 3, text: "2" },
      { start: 0, end: 3, text: "" },
    ];
    expect(applyEdits(html, edits)).toBe("12<b><C>");
    // The list given is left as it was.
    expect(edits[0]!.start).toBe(6);
    expect(applyEdits(html, [])).toBe(html);
  });

  it("leaves out an edit that overlaps one before it, and reads only between from and to", () => {
    expect(applyEdits("0123456789", [{ start: 2, end: 6, text: "x" }, { start: 4, end: 8, text: "y" }, { start: 8, end: 8, text: "z" }])).toBe("01x67z89");
    const html = `<link rel=canonical><p><link rel="a b>`;
    expect([...startTags(html, IMG_OR_LINK, 0, 20)].map((t) => t.text)).toEqual(["<link rel=canonical>"]);
    // A tag that does not end before `to` ends the markup, as at the end of the text.
    expect([...startTags(html, IMG_OR_LINK, 1, 19)]).toEqual([]);
    expect([...startTags(html, IMG_OR_LINK, 20)]).toEqual([]);
  });
});
