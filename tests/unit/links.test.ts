import { describe, expect, it } from "vitest";
import { bodyHasImage, hasImage, linksInMarkdown, missingLinks, markImage, rewrittenPixel, unmarkImages } from "../../plugins/syndication/render/links.js";
import { bodyDigest, isDigest } from "../../plugins/syndication/reprint/digest.js";
import { markEntry } from "../../plugins/syndication/render/hentry.js";

describe("links of a body", () => {
  it("finds inline, reference, autolink and HTML links, as CommonMark reads them", () => {
    const body = [
      'See [a](https://a.example/1 "title") and [b](<https://b.example/with space>).',
      "A [ref][r], <https://c.example/auto>, <a href='https://d.example/?x=1&amp;y=2'>d</a>.",
      "[wiki](https://en.wikipedia.org/wiki/Foo_(bar))",
      "",
      "[r]: https://r.example/ref",
    ].join("\n");
    expect(linksInMarkdown(body).sort()).toEqual(
      [
        "https://a.example/1",
        "https://b.example/with%20space",
        "https://c.example/auto",
        "https://d.example/?x=1&amp;y=2",
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        "https://r.example/ref",
      ].sort(),
    );
  });

  it("does not count what is not a link: images, code, comments, escapes, unused references, other schemes", () => {
    const body = [
      "[mail](mailto:x@y.example) [anchor](#part) `[code](https://code.example/)` ``[c2](https://c2.example/)``",
      "![img](https://img.example/p.png) \\[esc\\](https://esc.example/)",
      '<!-- <a href="https://comment.example/">x</a> -->',
      "- item",
      "",
      "  ```",
      "  [fenced](https://fenced.example/)",
      "  ```",
      "[unused]: https://unused.example/",
    ].join("\n");
    expect(linksInMarkdown(body)).toEqual([]);
  });

  it("leaves out a link whose address a template tag writes", () => {
    expect(linksInMarkdown("[t](https://t.example/{{ x }}) [u](https://u.example/)")).toEqual(["https://u.example/"]);
  });

  it("compares links through HTML escaping and percent-encoding, in the article only", () => {
    const html =
      '<head><link rel="canonical" href="https://gone.example/"></head><body><nav><a href="https://gone.example/">x</a></nav>' +
      '<article><div class="syndication-banner"></div><a href="https://b.example/with%20space">b</a><a href="https://d.example/?x=1&amp;y=2">d</a></article></body>';
    expect(missingLinks(["https://b.example/with space", "https://d.example/?x=1&y=2", "https://gone.example/"], html)).toEqual([
      "https://gone.example/",
    ]);
  });

  it("finds an image by its address, in HTML or Markdown", () => {
    expect(hasImage('<p><img alt="" src="https://p.example/p.gif?a=1&amp;b=2"></p>', "https://p.example/p.gif?a=1&b=2")).toBe(true);
    expect(hasImage('<a href="https://p.example/p.gif">x</a>', "https://p.example/p.gif")).toBe(false);
    expect(bodyHasImage("![](https://p.example/p.gif)", "https://p.example/p.gif")).toBe(true);
    expect(bodyHasImage("[link](https://p.example/p.gif)", "https://p.example/p.gif")).toBe(false);
  });
});

describe("digest", () => {
  it("ignores line endings, trailing spaces and surrounding blank lines, and nothing else", () => {
    const digest = bodyDigest("One.\n\nTwo.");
    expect(isDigest(digest)).toBe(true);
    expect(bodyDigest("\r\nOne.  \r\n\r\nTwo.\r\n\r\n")).toBe(digest);
    expect(bodyDigest("One.\n\nTwo!")).not.toBe(digest);
    expect(isDigest("sha256-abc")).toBe(false);
  });
});

describe("h-entry", () => {
  const banner = '<div class="syndication-banner">';
  it("adds h-entry to the article around the banner, keeping its classes", () => {
    expect(markEntry(`<article class="post">${banner}</div></article>`)).toBe(`<article class="h-entry post">${banner}</div></article>`);
    expect(markEntry(`<article id="a">${banner}</div></article>`)).toBe(`<article id="a" class="h-entry">${banner}</div></article>`);
    // Unquoted and single-quoted classes, and a data-class that is not a class.
    expect(markEntry(`<article class=post>${banner}</div></article>`)).toBe(`<article class="h-entry post">${banner}</div></article>`);
    expect(markEntry(`<article class='a b'>${banner}</div></article>`)).toBe(`<article class="h-entry a b">${banner}</div></article>`);
    expect(markEntry(`<article data-class="h-entry">${banner}</div></article>`)).toBe(`<article data-class="h-entry" class="h-entry">${banner}</div></article>`);
  });

  it("leaves a page that has an h-entry, or no article around the banner, alone", () => {
    for (const html of [
      `<div class="h-entry"><article>${banner}</div></article></div>`,
      `<article>x</article>${banner}</div>`,
      `<main>${banner}</div></main>`,
    ]) {
      expect(markEntry(html)).toBe(html);
    }
  });
});

describe("the pixel and image transforms", () => {
  const URL = "https://counter.example.com/count.gif?a=1&b=2";

  it("marks the body's own <img> of the pixel for image transforms to leave alone, and no other", () => {
    const body = `<img src="https://counter.example.com/count.gif?a=1&amp;b=2" width="1" height="1" alt="">\n<img src="/photo.png" alt="A photo">`;
    expect(markImage(body, URL)).toBe(
      `<img eleventy:ignore src="https://counter.example.com/count.gif?a=1&amp;b=2" width="1" height="1" alt="">\n<img src="/photo.png" alt="A photo">`,
    );
    // Once is enough.
    expect(markImage(markImage(body, URL), URL)).toBe(markImage(body, URL));
  });

  it("takes the attribute off where no transform did, in any spelling posthtml writes", () => {
    for (const tag of [`<img eleventy:ignore src="x">`, `<img src="x" eleventy:ignore>`, `<img src="x" eleventy:ignore="">`, `<img src="x" eleventy:ignore />`]) {
      expect(unmarkImages(tag)).toMatch(/^<img src="x"\s*\/?>$/);
    }
    expect(unmarkImages(`<p>eleventy:ignore is an attribute</p>`)).toBe(`<p>eleventy:ignore is an attribute</p>`);
  });

  it("tells the plugin's pixel under another address (a transform's local copy) from a pixel that is gone", () => {
    expect(rewrittenPixel(`<img class="syndication-pixel" src="/img/abc.gif" alt="">`, URL)).toBe("/img/abc.gif");
    expect(rewrittenPixel(`<img class="syndication-pixel" src="${URL.replace("&", "&amp;")}" alt="">`, URL)).toBeUndefined();
    expect(rewrittenPixel(`<p>no image</p>`, URL)).toBeUndefined();
  });
});
