import { describe, expect, it } from "vitest";
import { checkUrl } from "../../plugins/syndication/reprint/url.js";

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
    ["//example.com/x", '"//example.com/x" is not an absolute address'],
    ["https://example.com:99999/x", "has the port 99999, and ports go up to 65535"],
    ["http://[2001:4860::1]:65536/", "has the port 65536, and ports go up to 65535"],
    ["https://example.com:80a/x", 'has a host or port that is not valid ("example.com:80a")'],
    ["https://[::1/x", 'has a host or port that is not valid ("[::1")'],
    ["https://exa%20mple.com/", 'has a host or port that is not valid ("exa%20mple.com")'],
    ["data:text/html,<script>alert(1)</script>", "uses data: where http: or https: is needed"],
    ["file:///etc/passwd", "uses file: where http: or https: is needed"],
    ["JavaScript:alert(1)", "uses javascript: where http: or https: is needed"],
    ["https://example.com/\u00a0x", "contains a space or line break"],
    ["https://example.com/\u3000x", "contains a space or line break"],
    ["https://example.com/\u0000", "contains an invisible or control character (U+0000)"],
    ["https://example.com/a\u0085b", "contains an invisible or control character (U+0085)"],
    ["https://example.com/\u200b", "contains an invisible or control character (U+200B)"],
    ["https://example.com/\u202egpj.exe", "contains an invisible or control character (U+202E)"],
    ["\ufeffhttps://example.com/", "contains an invisible or control character (U+FEFF)"],
    ["https://example.com/\ud800", "contains an invisible or control character (U+D800)"],
    ["https://example.com/\uffff", "contains an invisible or control character (U+FFFF)"],
    ["https://user:secret@example.com/x", "contains a user name or password (the part before @)"],
    ["https://trusted.example@evil.example/x", "contains a user name or password (the part before @)"],
    ["https://@example.com/x", "contains a user name or password (the part before @)"],
    ["https://example.com\\@evil.example/", "contains a backslash (\\)"],
    ["https://example.com/a\\b", "contains a backslash (\\)"],
  ])("refuses %j", (value, message) => {
    expect(checkUrl(value)?.message).toBe(message);
  });

  // WHATWG URL reads odd IPv4 forms (2130706433, 0x7f.1, 0177.0.0.1) as dotted ones: the host is
  // checked as a browser would read it, not as written.
  it.each([
    ["http://2130706433/", "points at this computer (127.0.0.1)"],
    ["http://0x7f.1/", "points at this computer (127.0.0.1)"],
    ["http://0177.0.0.1/", "points at this computer (127.0.0.1)"],
    ["http://127.1/", "points at this computer (127.0.0.1)"],
    ["http://%6c%6fcalhost/", "points at this computer (localhost)"],
    ["http://app.localhost/", "points at this computer (app.localhost)"],
    ["http://0/", "points at a private or reserved host (0.0.0.0) that readers cannot reach"],
    ["http://10.1.2.3/", "points at a private or reserved host (10.1.2.3) that readers cannot reach"],
    ["http://172.16.0.1/", "points at a private or reserved host (172.16.0.1) that readers cannot reach"],
    ["http://172.31.255.255/", "points at a private or reserved host (172.31.255.255) that readers cannot reach"],
    ["http://192.168.1.1/", "points at a private or reserved host (192.168.1.1) that readers cannot reach"],
    ["http://169.254.169.254/latest/meta-data/", "points at a private or reserved host (169.254.169.254) that readers cannot reach"],
    ["http://0xa9fea9fe/", "points at a private or reserved host (169.254.169.254) that readers cannot reach"],
    ["http://100.64.0.1/", "points at a private or reserved host (100.64.0.1) that readers cannot reach"],
    ["http://224.0.0.1/", "points at a private or reserved host (224.0.0.1) that readers cannot reach"],
    ["http://[::]/", "points at a private or reserved host ([::]) that readers cannot reach"],
    ["http://[fc00::1]/", "points at a private or reserved host ([fc00::1]) that readers cannot reach"],
    ["http://[fd12:3456::1]/", "points at a private or reserved host ([fd12:3456::1]) that readers cannot reach"],
    ["http://[fe80::1]/", "points at a private or reserved host ([fe80::1]) that readers cannot reach"],
    ["http://[::ffff:10.0.0.1]/", "points at a private or reserved host ([::ffff:a00:1]) that readers cannot reach"],
    ["http://[::ffff:169.254.169.254]/", "points at a private or reserved host ([::ffff:a9fe:a9fe]) that readers cannot reach"],
    ["http://[64:ff9b::192.168.0.1]/", "points at a private or reserved host ([64:ff9b::c0a8:1]) that readers cannot reach"],
    // Found by the property run: IPv6 outside global unicast (2000::/3) was let through.
    ["http://[::1:0:0]/", "points at a private or reserved host ([::1:0:0]) that readers cannot reach"],
    ["http://[2001:db8::1]/", "points at a private or reserved host ([2001:db8::1]) that readers cannot reach"],
    ["http://[2002:a00:1::1]/", "points at a private or reserved host ([2002:a00:1::1]) that readers cannot reach"],
    ["http://intranet/x", "points at a private or reserved host (intranet) that readers cannot reach"],
    ["http://printer.local/", "points at a private or reserved host (printer.local) that readers cannot reach"],
    ["http://wiki.corp.internal/", "points at a private or reserved host (wiki.corp.internal) that readers cannot reach"],
  ])("refuses the host of %j", (value, message) => {
    expect(checkUrl(value)?.message).toBe(message);
  });

  it.each([
    "http://8.8.8.8/",
    "http://172.32.0.1/",
    "http://100.128.0.1/",
    "http://192.169.0.1/",
    "http://[2001:4860:4860::8888]/",
    "http://[::ffff:8.8.8.8]/",
    "https://example.com./a",
    "https://example.com:8443/a?q=1#top",
    "https://ru.wikipedia.org/wiki/Путин",
    "https://пример.рф/статья",
    "https://example.com/a?b=%20c&d=\"e\"",
    "https://example.com/path@with-at",
  ])("accepts the public address %j", (value) => {
    expect(checkUrl(value)).toBeUndefined();
  });
});
