/** Checks an address that a reprint links to. Returns a reason when it cannot be used, else undefined. */
export function checkUrl(value: string): { message: string; fix: string } | undefined {
  if (/\s/.test(value)) {
    return { message: "contains a space or line break", fix: "paste the address again without spaces (encode a real space as %20)" };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { message: `"${value}" is not an absolute address`, fix: "give the full address, starting with https://" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { message: `uses ${url.protocol} where http: or https: is needed`, fix: "give the article's web address, starting with https://" };
  }
  if (!/^https?:\/\/[^/]/i.test(value)) {
    return { message: `"${value}" is not an absolute address`, fix: "give the full address, starting with https://" };
  }
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  const loopback =
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "::1" ||
    host === "0.0.0.0" ||
    /^(::ffff:)?127\./.test(host) ||
    /^::ffff:7f/.test(host);
  if (loopback) {
    return { message: `points at this computer (${url.hostname})`, fix: "give the address of the article on the publisher's site" };
  }
  return undefined;
}
