import { describe, expect, it } from "vitest";
import { checkSitePath } from "../../plugins/syndication/reprint/sitepath.js";
import { normalise } from "../../plugins/syndication/rules/normalise.js";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";

describe("the site-path rule (previousUrls, and the lock's url and previousUrls)", () => {
  it.each([
    "/reprints/old-name/",
    "/reprints/2021/12/story/",
    "/old/page.html",
    "/",
    "/reprints/путин/",
    "/reprints/a%20b/",
    "/reprints/...x/",
    "/reprints/a.b/",
  ])("accepts %s", (path) => {
    expect(checkSitePath(path)).toBeUndefined();
  });

  it.each([
    ["../src/reprints/x.md", "does not start with /"],
    ["../eleventy.config.js", "does not start with /"],
    ["/../src/reprints/x/", 'has a ".." segment, which would lead out of the page\'s folder'],
    ["/reprints/../../x/", 'has a ".." segment, which would lead out of the page\'s folder'],
    ["/reprints/%2e%2e/%2E%2E/x/", 'has a "%2e%2e" segment, which would lead out of the page\'s folder'],
    ["/reprints/./x/", 'has a "." segment, which would lead out of the page\'s folder'],
    ["/a/..%2f..%2fx/", "has an encoded slash (..%2f..%2fx)"],
    ["/a/%5c..%5cx/", "has an encoded slash (%5c..%5cx)"],
    ["javascript:alert(1)//", "is a full address with a scheme, not a path on this site"],
    ["https://evil.example/", "is a full address with a scheme, not a path on this site"],
    ["//evil.example/", "starts with //, which browsers read as another site's address"],
    ["/a\\b/", 'contains "\\\\", which is not part of a path'],
    ["/a?b=1/", 'contains "?", which is not part of a path'],
    ["/a#b/", 'contains "#", which is not part of a path'],
    ['/a"onload=x/', 'contains "\\"", which is not part of a path'],
    ["/a<b>/", 'contains "<", which is not part of a path'],
    ["/a b/", "contains a space or line break"],
    ["/a\nb/", "contains an invisible or control character (U+000A)"],
    ["/a\u202eb/", "contains an invisible or control character (U+202E)"],
    ["/a\u200bb/", "contains an invisible or control character (U+200B)"],
    ["/a%0ab/", "has an encoded control or invisible character (a%0ab)"],
    ["/a%zz/", "has a % that does not start an encoded character (%XX)"],
    ["/reprints/x", "does not end with / or .html"],
    ["/reprints/x.md", "does not end with / or .html"],
    ["", "does not start with /"],
  ])("refuses %j: %s", (path, reason) => {
    expect(checkSitePath(path)?.reason).toBe(reason);
  });
});

describe("syndication.previousUrls", () => {
  const options = resolveOptions({});
  const valid = { source: "Example Wire", originalUrl: "https://wire.example.com/1", licence: "permission" };

  it("names each bad entry by its index, so the same problem twice is two lines", () => {
    const { problems } = normalise({ ...valid, previousUrls: ["/fine/", "../a.md", "../b.md"] }, {}, options);
    expect(problems.map(({ rule, field, message, fix }) => ({ rule, field, message, fix }))).toEqual([
      { rule: "previous-url-valid", field: "syndication.previousUrls[1]", message: '"../a.md" does not start with /', fix: expect.stringContaining("such as /reprints/old-name/") },
      { rule: "previous-url-valid", field: "syndication.previousUrls[2]", message: '"../b.md" does not start with /', fix: expect.stringContaining("such as /reprints/old-name/") },
    ]);
  });

  it("follows the same rule as the lock: an encoded .. is refused", () => {
    const { problems } = normalise({ ...valid, previousUrls: ["/%2e%2e/src/"] }, {}, options);
    expect(problems.map((p) => p.message)).toEqual(['"/%2e%2e/src/" has a "%2e%2e" segment, which would lead out of the page\'s folder']);
  });
});
