import { quote } from "../util/text.js";

/** Why an address cannot be used, and how to fix it. */
export interface UrlProblem {
  message: string;
  fix: string;
}

const PUBLIC_FIX = "give the address of the article on the publisher's public site";

/**
 * Characters no address should hold, and that would not survive into the page as written:
 * control characters (U+0000–U+001F, U+007F–U+009F), invisible formatting characters (zero-width
 * spaces, right-to-left overrides, byte-order marks), lone surrogates and noncharacters.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}]/u;

/**
 * IPv4 ranges that are not on the public internet (RFC 6890): this network, private networks,
 * shared address space (carrier NAT), loopback, link-local (where cloud metadata services
 * answer), IETF protocol assignments, documentation, benchmarking, multicast and reserved.
 */
const IPV4_NOT_PUBLIC: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

/** Host names that only mean something inside one computer or one local network. */
const LOCAL_NAMES = /(^|\.)(localhost|localdomain|local|internal|intranet|lan|home\.arpa)$/;

const ipv4Number = (address: string) => address.split(".").reduce((n, part) => n * 256 + Number(part), 0);

function ipv4Kind(address: string): "loopback" | "not public" | undefined {
  const n = ipv4Number(address);
  if (Math.floor(n / 2 ** 24) === 127) return "loopback";
  for (const [base, bits] of IPV4_NOT_PUBLIC) {
    const size = 2 ** (32 - bits);
    if (Math.floor(n / size) === Math.floor(ipv4Number(base) / size)) return "not public";
  }
  return undefined;
}

/** The eight 16-bit groups of an IPv6 address as WHATWG URL serialises it (hex, `::` compressed). */
function ipv6Groups(address: string): number[] {
  const [head = "", tail] = address.split("::");
  const part = (s: string) => (s === "" ? [] : s.split(":").map((g) => parseInt(g, 16)));
  const start = part(head);
  const end = tail === undefined ? [] : part(tail);
  return [...start, ...new Array<number>(8 - start.length - end.length).fill(0), ...end];
}

function ipv6Kind(address: string): "loopback" | "not public" | undefined {
  const g = ipv6Groups(address);
  const first = g[0]!;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const v4 = (hi: number, lo: number) => ipv4Kind(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  if (zeros(0, 7) && g[7] === 1) return "loopback"; // ::1
  // An IPv4 address inside IPv6: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:aabb:ccdd::).
  if ((zeros(0, 5) && g[5] === 0xffff) || (first === 0x64 && g[1] === 0xff9b && zeros(2, 6))) return v4(g[6]!, g[7]!);
  if (first === 0x2002) return v4(g[1]!, g[2]!);
  // Only global unicast (2000::/3) is on the public internet; of it, 2001:db8::/32 is for documentation.
  if ((first & 0xe000) !== 0x2000 || (first === 0x2001 && g[1] === 0x0db8)) return "not public";
  return undefined;
}

/**
 * Why a browser could not read an address at all: an absolute `http(s)://` address whose port or
 * host is not valid says which; anything else is not an absolute address.
 */
function unreadable(value: string): UrlProblem {
  const authority = /^https?:\/\/([^/?#\\]*)/i.exec(value)?.[1];
  if (authority === undefined) {
    return { message: `${quote(value)} is not an absolute address`, fix: "give the full address, starting with https://" };
  }
  const port = /:(\d+)$/.exec(authority.replace(/^.*\]/, ""))?.[1];
  if (port !== undefined && Number(port) > 65535) {
    return { message: `has the port ${port}, and ports go up to 65535`, fix: "correct the port, or leave it out (https uses 443, http 80)" };
  }
  return {
    message: `has a host or port that is not valid (${quote(authority)})`,
    fix: "copy the address from the browser's address bar",
  };
}

/**
 * Checks an address that a reprint links to. Returns a reason when it cannot be used, else undefined.
 * Only absolute `http:`/`https:` addresses of hosts on the public internet pass, written without
 * spaces, control or invisible characters, backslashes or a user name and password. The host is
 * checked as a browser reads it (`http://2130706433/` and `http://0x7f.1/` are 127.0.0.1).
 */
export function checkUrl(value: string): UrlProblem | undefined {
  // Any white space (JavaScript's \s, which also counts the byte-order mark: that is invisible, below).
  if (/[^\S\uFEFF]/.test(value)) {
    return { message: "contains a space or line break", fix: "paste the address again without spaces (encode a real space as %20)" };
  }
  const invisible = INVISIBLE.exec(value);
  if (invisible) {
    const code = invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return {
      message: `contains an invisible or control character (U+${code})`,
      fix: "type the address again, or copy it from the browser's address bar",
    };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return unreadable(value);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { message: `uses ${url.protocol} where http: or https: is needed`, fix: "give the article's web address, starting with https://" };
  }
  if (!/^https?:\/\/[^/\\]/i.test(value)) {
    return { message: `${quote(value)} is not an absolute address`, fix: "give the full address, starting with https://" };
  }
  if (value.includes("\\")) {
    return { message: "contains a backslash (\\)", fix: "write the address with forward slashes (/), as the browser shows it" };
  }
  // A user name or password (`https://user:secret@host/`) would be published in the page, and
  // `https://trusted.example@other.example/` hides the real host: refused, whatever the browser does.
  const authority = value.slice(value.indexOf("//") + 2).split(/[/?#]/, 1)[0]!;
  if (authority.includes("@")) {
    return { message: "contains a user name or password (the part before @)", fix: "remove it, and give the address as anyone can open it" };
  }
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  const isV6 = url.hostname.startsWith("[");
  const isV4 = !isV6 && /^\d+\.\d+\.\d+\.\d+$/.test(host);
  const kind = isV6 ? ipv6Kind(host) : isV4 ? ipv4Kind(host) : host === "localhost" || host.endsWith(".localhost") ? "loopback" : undefined;
  if (kind === "loopback") {
    return { message: `points at this computer (${url.hostname})`, fix: "give the address of the article on the publisher's site" };
  }
  if (kind === "not public" || (!isV4 && !isV6 && (LOCAL_NAMES.test(host) || !host.includes(".")))) {
    return { message: `points at a private or reserved host (${url.hostname}) that readers cannot reach`, fix: PUBLIC_FIX };
  }
  return undefined;
}
