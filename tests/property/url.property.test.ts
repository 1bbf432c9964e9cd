import fc from "fast-check";
import { BlockList, isIPv4, isIPv6 } from "node:net";
import { describe, expect, it } from "vitest";
import { checkUrl } from "../../plugins/syndication/reprint/url.js";
import { anyUrlText } from "./arbitraries.js";
import { params } from "./settings.js";

// An independent account of the addresses readers cannot reach, using Node's own range matcher.
const notPublic = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) notPublic.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10]] as const) notPublic.addSubnet(net, bits, "ipv6");

const globalUnicast = (ipv6: string) => (parseInt(ipv6.split(":")[0] || "0", 16) & 0xe000) === 0x2000;

/** Is the host of this (already parsed) URL one that must be refused? */
function hostMustBeRefused(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIPv4(host)) return notPublic.check(host, "ipv4");
  if (isIPv6(host)) {
    // ::ffff:a.b.c.d, which WHATWG URL writes as ::ffff:xxxx:xxxx.
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (mapped) {
      const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
      return notPublic.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, "ipv4");
    }
    // Only global unicast (2000::/3) is public (NAT64 64:ff9b::/96 is as public as the IPv4 address in it).
    if (host.startsWith("64:ff9b::")) return false;
    return notPublic.check(host, "ipv6") || !globalUnicast(host) || host.startsWith("2001:db8:");
  }
  return false;
}

describe("checkUrl, for any text", () => {
  it("answers with a reason and a fix, or accepts, and never throws", () => {
    fc.assert(
      fc.property(anyUrlText, (value) => {
        const problem = checkUrl(value);
        if (problem) {
          expect(problem.message.length).toBeGreaterThan(0);
          expect(problem.fix.length).toBeGreaterThan(0);
        }
      }),
      params(),
    );
  });

  it("accepts only absolute http(s) addresses of public hosts, written plainly", () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyUrlText, (value) => {
        if (checkUrl(value) !== undefined) return;
        accepted += 1;
        const url = new URL(value);
        expect(["http:", "https:"]).toContain(url.protocol);
        expect(value).toMatch(/^https?:\/\/[^/\\]/i);
        // Nothing invisible, no white space, no backslash, no credentials.
        expect(value).not.toMatch(/[\s\p{Cc}\p{Cf}\p{Cs}\\]/u);
        expect(value.slice(value.indexOf("//") + 2).split(/[/?#]/, 1)[0]).not.toContain("@");
        expect(url.username + url.password).toBe("");
        expect(hostMustBeRefused(url)).toBe(false);
        if (!url.hostname.startsWith("[") && !isIPv4(url.hostname)) expect(url.hostname.replace(/\.$/, "")).toContain(".");
      }),
      params(),
    );
    // The generator must reach addresses that pass, or this property would check nothing.
    expect(accepted).toBeGreaterThan(params().numRuns! / 20);
  });

  it("refuses every loopback, private and link-local IPv4 host, in any of the forms a browser reads", () => {
    const forms = (n: number) => [
      `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`,
      String(n >>> 0),
      `0x${(n >>> 0).toString(16)}`,
      `0${n >>> 24 === 0 ? "" : (n >>> 24).toString(8)}.${(n >>> 16) & 255}.${n & 0xffff}`,
    ];
    const privateAddress = fc.oneof(
      ...(
        [
          [0x0a000000, 8], [0xac100000, 12], [0xc0a80000, 16], [0xa9fe0000, 16], [0x64400000, 10], [0x7f000000, 8], [0, 8],
        ] as const
      ).map(([base, bits]) => fc.integer({ min: 0, max: 2 ** (32 - bits) - 1 }).map((offset) => (base + offset) >>> 0)),
    );
    fc.assert(
      fc.property(privateAddress, fc.constantFrom(0, 1, 2, 3), fc.boolean(), (n, form, mapped) => {
        const dotted = forms(n)[0]!;
        const host = mapped ? `[::ffff:${dotted}]` : forms(n)[form]!;
        expect(checkUrl(`https://${host}/a`), host).toMatchObject({ message: expect.stringMatching(/^points at /) });
      }),
      params(),
    );
  });

  it("refuses IPv6 hosts that are loopback, unique-local or link-local, and accepts global ones", () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((g) => g.toString(16));
    const rest = fc.array(group, { minLength: 7, maxLength: 7 });
    const address = fc.oneof(
      fc.tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), rest).map(([g, r]) => [g.toString(16), ...r].join(":")),
      fc.tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), rest).map(([g, r]) => [g.toString(16), ...r].join(":")),
      fc.tuple(fc.integer({ min: 0x2000, max: 0x2fff }), rest).map(([g, r]) => [g.toString(16), ...r].join(":")),
      fc.ipV6(),
    );
    fc.assert(
      fc.property(address, (a) => {
        const url = new URL(`https://[${a}]/`);
        const documentation = url.hostname.startsWith("[2001:db8:");
        const refused = checkUrl(`https://[${a}]/`) !== undefined;
        if (hostMustBeRefused(url) || documentation) expect(refused, a).toBe(true);
        else if (globalUnicast(url.hostname.slice(1)) && !url.hostname.startsWith("[2002:")) expect(refused, a).toBe(false);
      }),
      params(),
    );
  });
});
