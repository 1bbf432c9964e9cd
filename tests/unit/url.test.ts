import { describe, expect, it } from "vitest";
import { checkUrl } from "../../plugins/syndication/url.js";

describe("checkUrl", () => {
  it("accepts absolute http and https addresses", () => {
    expect(checkUrl("https://www.rferl.org/a/x/31609362.html")).toBeUndefined();
    expect(checkUrl("http://example.com/")).toBeUndefined();
  });

  it.each([
    ["https://example.com/a b", "contains a space or line break"],
    ["https://example.com/a\n", "contains a space or line break"],
    ["/a/relative/path", '"/a/relative/path" is not an absolute address'],
    ["www.rferl.org/a/x", '"www.rferl.org/a/x" is not an absolute address'],
    ["javascript:alert(1)", "uses javascript: where http: or https: is needed"],
    ["ftp://example.com/x", "uses ftp: where http: or https: is needed"],
    ["http://localhost:8080/x", "points at this computer (localhost)"],
    ["http://127.0.0.1/x", "points at this computer (127.0.0.1)"],
    ["http://[::1]/x", "points at this computer ([::1])"],
    ["http://localhost./x", "points at this computer (localhost.)"],
    ["http://[::ffff:127.0.0.1]/x", "points at this computer ([::ffff:7f00:1])"],
    ["https:example.com", '"https:example.com" is not an absolute address'],
  ])("refuses %j", (value, message) => {
    expect(checkUrl(value)?.message).toBe(message);
  });
});
