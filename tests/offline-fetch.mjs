// Preloaded with `node --import` into builds of the starter-shaped fixture: no test reaches the
// network. The publishers' pixel hosts answer with a 1×1 GIF, as they do online, so an image
// transform meets the pixel as it would in a real build; every other address is refused. Each
// request is appended to the file named by OFFLINE_FETCH_LOG, for tests to see what was fetched.
import { appendFileSync } from "node:fs";

const PIXEL_HOSTS = new Set(["counter.theconversation.com", "pixel.propublica.org"]);
// The smallest transparent GIF: 1×1, one colour.
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

globalThis.fetch = async function offlineFetch(input) {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (process.env.OFFLINE_FETCH_LOG) appendFileSync(process.env.OFFLINE_FETCH_LOG, `${url.href}\n`);
  if (PIXEL_HOSTS.has(url.hostname)) {
    return new Response(GIF, { status: 200, headers: { "content-type": "image/gif", "content-length": String(GIF.length) } });
  }
  throw new TypeError(`fetch failed: ${url.href} (no network in tests)`);
};
