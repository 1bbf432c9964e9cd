import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import spdx from "spdx-license-list";
import { TABLE_FILE, creativeCommonsSource } from "../../scripts/creative-commons.js";
import { parseLicence } from "../../plugins/syndication/reprint/licences.js";
import { checkUrl } from "../../plugins/syndication/reprint/url.js";
import { PRESETS } from "../../plugins/syndication/reprint/presets.js";

describe("the Creative Commons table", () => {
  it("is the one the SPDX list gives: run npm run licences after updating spdx-license-list", () => {
    expect(readFileSync(TABLE_FILE, "utf8")).toBe(creativeCommonsSource());
  });

  it("is generated with each licence's deed and its name on one line", () => {
    const table = creativeCommonsSource({
      "CC-BY-4.0": { name: "Creative  Commons\nAttribution 4.0", url: "https://creativecommons.org/licenses/by/4.0/legalcode" },
      "CC-BY-SA-3.0-AT": { name: "A", url: "https://creativecommons.org/licenses/by-sa/3.0/at/legalcode.de" },
      MIT: { name: "MIT License", url: "https://opensource.org/license/mit/" },
    });
    expect(table).toContain(`["CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"],`);
    expect(table).toContain(`["CC-BY-SA-3.0-AT", "A", "https://creativecommons.org/licenses/by-sa/3.0/at/"],`);
    expect(table).not.toContain("MIT");
  });
});

describe("the addresses of licences", () => {
  it("follow the address rules: every Creative Commons deed, and every preset's", () => {
    const ids = Object.keys(spdx).filter((id) => /^CC(-|0-)/.test(id));
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) {
      const parsed = parseLicence(id);
      expect(parsed.ok && checkUrl(parsed.licence.url!), id).toBeUndefined();
    }
    for (const [key, preset] of Object.entries(PRESETS)) {
      if (preset.url !== undefined) expect(checkUrl(preset.url), key).toBeUndefined();
      const licence = parseLicence(preset.licence);
      expect(licence.ok && licence.licence.url !== undefined ? checkUrl(licence.licence.url) : undefined, key).toBeUndefined();
    }
  });

  it("refuses a custom licence's address that breaks them, saying why", () => {
    expect(parseLicence({ name: "L", url: "https://user:secret@licences.example/l" })).toEqual({
      ok: false,
      message: "has a url that contains a user name or password (the part before @)",
      fix: "remove it, and give the address as anyone can open it",
    });
    expect(parseLicence({ name: "L", url: "http://169.254.169.254/latest" })).toMatchObject({ ok: false, message: "has a url that points at a private or reserved host (169.254.169.254) that readers cannot reach" });
    expect(parseLicence({ name: "L", url: "javascript:alert(1)" })).toMatchObject({ ok: false, message: "has a url that uses javascript: where http: or https: is needed" });
    expect(parseLicence({ name: "L", url: 5 })).toMatchObject({ ok: false, message: "has a url that is a number, not an address" });
    expect(parseLicence({ name: "L", url: " https://licences.example/l " })).toMatchObject({ ok: true, licence: { url: "https://licences.example/l" } });
  });
});

describe("parseLicence", () => {
  it("knows permission and public-domain", () => {
    expect(parseLicence("permission")).toEqual({
      ok: true,
      licence: { kind: "permission", id: "permission", name: "Reprinted with permission", label: "with permission" },
    });
    expect(parseLicence("public-domain")).toMatchObject({ ok: true, licence: { kind: "public-domain" } });
  });

  it("takes Creative Commons names and deeds from the SPDX list, in any case", () => {
    const result = parseLicence("cc-by-nc-nd-3.0");
    expect(result).toEqual({
      ok: true,
      licence: {
        kind: "creative-commons",
        id: "CC-BY-NC-ND-3.0",
        name: spdx["CC-BY-NC-ND-3.0"]!.name,
        label: "CC BY-NC-ND 3.0",
        url: "https://creativecommons.org/licenses/by-nc-nd/3.0/",
      },
    });
    expect(parseLicence("CC0-1.0")).toMatchObject({
      ok: true,
      licence: { label: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
    });
    expect(parseLicence("CC-BY-3.0-IGO")).toMatchObject({ ok: true, licence: { label: "CC BY 3.0 IGO" } });
  });

  it("folds the stray spaces some SPDX names carry", () => {
    expect(parseLicence("CC-PDM-1.0")).toMatchObject({ ok: true, licence: { name: "Creative Commons Public Domain Mark 1.0 Universal" } });
  });

  it("refuses licences that are not Creative Commons, with a suggestion when one is close", () => {
    expect(parseLicence("MIT")).toMatchObject({ ok: false, message: '"MIT" is not a licence this plugin knows' });
    expect(parseLicence("CC-BY-SA-4")).toMatchObject({ ok: false, fix: 'did you mean "CC-BY-SA-4.0"?' });
    expect(parseLicence("permision")).toMatchObject({ ok: false, fix: 'did you mean "permission"?' });
    // Never a licence of another version: that would be another legal text.
    expect(parseLicence("CC-BY-2.0-UK")).toMatchObject({ ok: false, fix: expect.not.stringContaining("did you mean") });
    expect(parseLicence("CC-BY-NC-ND-4.0-int")).toMatchObject({ ok: false, fix: expect.not.stringContaining("3.0") });
  });

  it("accepts { name, url } and checks it", () => {
    expect(parseLicence({ name: "Wire Licence", url: "https://w.example/l" })).toEqual({
      ok: true,
      licence: { kind: "custom", id: "custom", name: "Wire Licence", label: "Wire Licence", url: "https://w.example/l" },
    });
    expect(parseLicence({ name: "No URL" })).toMatchObject({ ok: true, licence: { name: "No URL" } });
    expect(parseLicence({ url: "https://w.example/l" })).toMatchObject({ ok: false, message: "a custom licence needs a name" });
    expect(parseLicence({ name: "X", url: "javascript:alert(1)" })).toMatchObject({ ok: false });
    expect(parseLicence({ name: "X", terms: "y" })).toMatchObject({ ok: false, message: "a custom licence has only name and url, not terms" });
  });

  it("refuses other types", () => {
    expect(parseLicence(4)).toMatchObject({ ok: false, message: "must be text or { name, url }, not a number" });
    expect(parseLicence(["CC-BY-4.0"])).toMatchObject({ ok: false, message: "must be text or { name, url }, not a list" });
  });
});
