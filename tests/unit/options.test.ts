import { describe, expect, it } from "vitest";
import { DEFAULT_WORDING, OptionsError, resolveOptions } from "../../plugins/syndication/reprint/options.js";
import { PRESETS } from "../../plugins/syndication/reprint/presets.js";

describe("options", () => {
  it("has documented defaults", () => {
    const { now, ...rest } = resolveOptions();
    expect(rest).toEqual({
      reprintsDir: "reprints",
      sources: PRESETS,
      bannerPosition: "top",
      wording: DEFAULT_WORDING,
      locales: {},
      indexing: "canonical",
      ogUrl: "original",
      jsonLd: true,
      permalinkPrefix: "/reprints/",
      dataKey: "reprint",
      collectionName: false,
      pageDate: "published",
      dateFormat: "d LLLL yyyy",
      dateLocale: "en",
      lockFile: "syndication.lock.json",
      updateLockInCI: false,
      expiryWarningDays: 14,
      oldestFirstCollection: false,
    });
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("takes a prefix of addresses made of plain path segments", () => {
    for (const prefix of ["/", "/reprints/", "/news/re-prints_2/", "/a.b/~c/"]) expect(resolveOptions({ permalinkPrefix: prefix }).permalinkPrefix).toBe(prefix);
  });

  it("merges wording over the defaults and trims the folder name", () => {
    const options = resolveOptions({ wording: { permission: "P {source}" }, reprintsDir: "./wire/" });
    expect(options.wording).toEqual({ ...DEFAULT_WORDING, permission: "P {source}" });
    expect(options.reprintsDir).toBe("wire");
  });

  it.each([
    [{ bannerPosition: "middle" }, 'option "bannerPosition" is "middle", which is not one of "top", "bottom", "none"'],
    [{ indexing: "nofollow" }, 'option "indexing" is "nofollow"'],
    [{ permalinkPrefix: "reprints" }, 'option "permalinkPrefix" must start and end with "/"'],
    [{ permalinkPrefix: "//evil.example/" }, 'option "permalinkPrefix" is "//evil.example/": each part between slashes must be'],
    [{ permalinkPrefix: "/a/../" }, 'option "permalinkPrefix" is "/a/../"'],
    [{ permalinkPrefix: "/re prints/" }, 'option "permalinkPrefix" is "/re prints/"'],
    [{ permalinkPrefix: "/news?/" }, 'option "permalinkPrefix" is "/news?/"'],
    [{ sources: { wire: { name: "W", licence: { name: "L", url: "https://user:secret@licences.example/l" } } } }, 'option "sources.wire.licence" has a url that contains a user name or password'],
    [{ sources: { wire: { name: "W", licence: { name: "L", url: "http://10.0.0.1/licence" } } } }, 'option "sources.wire.licence" has a url that points at a private or reserved host (10.0.0.1)'],
    [{ sources: { wire: { url: "https://x.example/" } } }, 'option "sources.wire" needs a "name"'],
    [{ sources: { wire: { extends: "rfe", url: "https://x.example/" } } }, 'option "sources.wire.extends" is "rfe", which is not a preset; did you mean "rferl"?'],
    [{ sources: { wire: { name: "W", rules: { pixels: true } } } }, 'option "sources.wire.rules": "pixels" is not an option of this plugin; did you mean "pixel"?'],
    [{ sources: { wire: { name: "W", rules: { noEdits: "fail" } } } }, 'option "sources.wire.rules.noEdits" is "fail", which is not one of "warn", "error"'],
    [{ sources: { wire: { name: "W", bannerPosition: "none" } } }, 'option "sources.wire.bannerPosition" is "none", which is not one of "top", "bottom"'],
    [{ sources: { wire: { name: "W", wording: { permision: "x" } } } }, 'option "sources.wire.wording.permision" is not a sentence this plugin writes'],
    [{ sources: { rferl: { name: "R", licence: "CC-BY-5.0" } } }, 'option "sources.rferl.licence" "CC-BY-5.0" is not a licence'],
    [{ sources: { rferl: { name: "R", url: "rferl.org" } } }, 'option "sources.rferl.url" "rferl.org" is not an absolute address'],
    [{ jsonLd: "no" }, 'option "jsonLd" must be true or false'],
    [{ wording: { permission: 5 } }, 'option "wording.permission" must be a sentence (text)'],
    [{ wording: { permision: "x" } }, 'option "wording.permision" is not a sentence this plugin writes'],
    [{ locales: { fr: { permission: "" } } }, 'option "locales.fr.permission" must be a sentence (text)'],
    [{ locales: ["fr"] }, 'option "locales" must be an object of wordings keyed by language'],
    [{ reprintsDir: "/" }, 'option "reprintsDir" must name a folder under the input directory'],
    [{ bannerPositon: "top" }, 'option "bannerPositon" is not an option of this plugin; did you mean "bannerPosition"?'],
    [{ sources: { rferl: { name: "R", license: "permission" } } }, 'option "sources.rferl": "license" is not an option of this plugin; did you mean "licence"?'],
    [{ sources: { rferl: { name: "R", copyright: 2021 } } }, 'option "sources.rferl.copyright" must be the notice as text'],
    [{ collectionName: "" }, 'option "collectionName" must be a collection name, such as "syndicated"; leave it out for none'],
    [{ pageDate: "file" }, 'option "pageDate" is "file", which is not one of "published", "eleventy"'],
    [{ oldestFirstCollection: true }, 'option "oldestFirstCollection" must be a collection name, such as "syndicatedOldestFirst"; leave it out for none'],
  ])("refuses %j", (options, message) => {
    expect(() => resolveOptions(options as never)).toThrow(OptionsError);
    expect(() => resolveOptions(options as never)).toThrow(message);
  });
});
