import { beforeAll, describe, expect, it } from "vitest";
import { build, fixture, jsonLd, words, type BuiltSite } from "../helpers.js";

// One build of a Nunjucks site with a reprint of each licence kind, a sources registry,
// a layout that emits its own canonical, og:url and robots tags, and hostile values.
let site: BuiltSite;
beforeAll(async () => {
  site = await build(fixture("njk-site"), {
    plugin: {
      sources: {
        rferl: {
          name: "Radio Free Europe/Radio Liberty",
          url: "https://www.rferl.org/",
          licence: "permission",
          copyright: "Copyright (c) RFE/RL, Inc.",
          indexing: "both",
        },
      },
    },
  });
});

const RFERL = "/reprints/2021/12/rferl-permission/";

describe("permanent addresses", () => {
  it("puts each reprint at /reprints/<yyyy>/<mm>/<file-slug>/ from its original date", () => {
    expect(site.files).toEqual(
      expect.arrayContaining([
        "reprints/2021/12/rferl-permission/index.html",
        "reprints/2024/03/conversation-cc-by-nd/index.html",
        "reprints/2022/01/custom-licence/index.html",
        "reprints/2020/06/registry/index.html",
        "reprints/2019/05/hostile/index.html",
      ]),
    );
  });

  it("uses the date as the publisher wrote it, not shifted to UTC", () => {
    // 2023-07-01T09:30:00-04:00 is 13:30 UTC the same day: still July.
    expect(site.files).toContain("reprints/2023/07/propublica-cc-by-nc-nd/index.html");
  });

  it("uses /reprints/<file-slug>/ when there is no original date", () => {
    expect(site.files).toContain("reprints/voa-public-domain/index.html");
  });

  it("lets an explicit permalink win", () => {
    expect(site.files).toContain("kept/where-the-editor-said/index.html");
    expect(site.files.filter((f) => f.includes("explicit-permalink"))).toEqual([]);
  });

  it("treats a page outside the reprints folder that has syndication as a reprint", () => {
    const $ = site.page("/reprints/2025/10/outside/");
    expect($(".syndication-banner").length).toBe(1);
    expect($('link[rel="canonical"]').attr("href")).toBe("https://wire.example.com/story/44");
  });

  it("leaves ordinary pages at Eleventy's default addresses", () => {
    expect(site.files).toEqual(expect.arrayContaining(["index.html", "about/index.html"]));
  });
});

describe("the banner", () => {
  it("says word for word who published a permission reprint first, linking the original", () => {
    const $ = site.page(RFERL);
    const banner = $(".syndication-banner");
    expect(banner.length).toBe(1);
    expect(words(banner.find(".syndication-credit").text())).toBe(
      "This article was originally published by Radio Free Europe/Radio Liberty and is reprinted with permission.",
    );
    const link = banner.find("a");
    expect(link.text()).toBe("Radio Free Europe/Radio Liberty");
    expect(link.attr("href")).toBe("https://www.rferl.org/a/putin-talks/31609362.html");
  });

  it("stands at the top of the article content, before the body", () => {
    const $ = site.page(RFERL);
    const children = $(".content").children().toArray();
    expect($(children[0]).hasClass("syndication-banner")).toBe(true);
    expect($(children[1]).text()).toBe("The first paragraph of the body.");
  });

  it("names a Creative Commons licence, links its deed with rel=license and credits the authors", () => {
    const $ = site.page("/reprints/2024/03/conversation-cc-by-nd/");
    expect(words($(".syndication-credit").text())).toBe(
      "This article by Ada Lovelace and Charles Babbage was originally published by The Conversation and is " +
        "republished under the Creative Commons Attribution No Derivatives 4.0 International licence.",
    );
    const licence = $('.syndication-banner a[rel="license"]');
    expect(licence.attr("href")).toBe("https://creativecommons.org/licenses/by-nd/4.0/");
    expect($(".syndication-banner a").first().attr("href")).toBe("https://theconversation.com/a-sample-article-123456");
  });

  it("accepts license as an alias and SPDX ids in any case", () => {
    const $ = site.page("/reprints/2023/07/propublica-cc-by-nc-nd/");
    expect($('.syndication-banner a[rel="license"]').attr("href")).toBe(
      "https://creativecommons.org/licenses/by-nc-nd/3.0/",
    );
    expect($(".byline").text()).toContain("CC BY-NC-ND 3.0");
  });

  it("has its own sentence for the public domain", () => {
    const $ = site.page("/reprints/voa-public-domain/");
    expect(words($(".syndication-credit").text())).toBe(
      "This article was originally published by Voice of America and is in the public domain.",
    );
    expect($('a[rel="license"]').length).toBe(0);
  });

  it("links a custom licence by the name and address given", () => {
    const $ = site.page("/reprints/2022/01/custom-licence/");
    expect(words($(".syndication-credit").text())).toBe(
      "This article was originally published by Example Wire and is republished under Example Wire Reprint Licence.",
    );
    expect($('a[rel="license"]').attr("href")).toBe("https://wire.example.com/licence");
  });

  it("takes name, licence and copyright from the sources registry", () => {
    const $ = site.page("/reprints/2020/06/registry/");
    expect(words($(".syndication-credit").text())).toBe(
      "This article was originally published by Radio Free Europe/Radio Liberty and is reprinted with permission.",
    );
    expect($(".syndication-copyright").text()).toBe("Copyright (c) RFE/RL, Inc.");
  });
});

describe("the head", () => {
  it("holds exactly one canonical, to the original, replacing the layout's own", () => {
    const $ = site.page(RFERL);
    const canonicals = $('link[rel="canonical"]');
    expect(canonicals.length).toBe(1);
    expect(canonicals.attr("href")).toBe("https://www.rferl.org/a/putin-talks/31609362.html");
    expect($("head link[rel=canonical]").length).toBe(1);
  });

  it("points og:url at the original", () => {
    const $ = site.page(RFERL);
    expect($('meta[property="og:url"]').length).toBe(1);
    expect($('meta[property="og:url"]').attr("content")).toBe("https://www.rferl.org/a/putin-talks/31609362.html");
  });

  it("keeps the layout's robots tag in canonical mode", () => {
    const $ = site.page(RFERL);
    expect($('meta[name="robots"]').attr("content")).toBe("index, follow");
  });

  it("in noindex mode (set on the page) says noindex and gives no canonical", () => {
    const $ = site.page("/reprints/2023/07/propublica-cc-by-nc-nd/");
    expect($('meta[name="robots"]').length).toBe(1);
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($('link[rel="canonical"]').length).toBe(0);
  });

  it("in both mode (set on the source) gives the canonical and noindex", () => {
    const $ = site.page("/reprints/2020/06/registry/");
    expect($('link[rel="canonical"]').attr("href")).toBe("https://www.rferl.org/a/registry-sample/1.html");
    expect($('meta[name="robots"]').length).toBe(1);
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
  });

  it("carries a NewsArticle in JSON-LD", () => {
    const [data, ...rest] = jsonLd(site.page("/reprints/2024/03/conversation-cc-by-nd/"));
    expect(rest).toEqual([]);
    expect(data).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "A Conversation article",
      isBasedOn: "https://theconversation.com/a-sample-article-123456",
      creditText:
        "This article by Ada Lovelace and Charles Babbage was originally published by The Conversation and is " +
        "republished under the Creative Commons Attribution No Derivatives 4.0 International licence.",
      license: "https://creativecommons.org/licenses/by-nd/4.0/",
      copyrightHolder: { "@type": "Organization", name: "The Conversation", url: "https://theconversation.com/" },
      sourceOrganization: { "@type": "Organization", name: "The Conversation", url: "https://theconversation.com/" },
      datePublished: "2024-03-05",
      author: [
        { "@type": "Person", name: "Ada Lovelace" },
        { "@type": "Person", name: "Charles Babbage" },
      ],
    });
  });
});

describe("escaping", () => {
  it("shows a hostile source name as text in the banner, the head and JSON-LD", () => {
    const $ = site.page("/reprints/2019/05/hostile/");
    expect($("script:not([type])").length).toBe(0);
    expect($("b").length).toBe(0);
    const link = $(".syndication-credit a");
    expect(link.text()).toBe(`<script>alert('x')</script> & "Sons" {{ oops }}`);
    expect(link.attr("href")).toBe(`https://example.com/a?x=1&y="2"&z=<3>`);
    expect($('link[rel="canonical"]').attr("href")).toBe(`https://example.com/a?x=1&y="2"&z=<3>`);
    expect($(".syndication-copyright").text()).toBe("</script><!-- (c) {% raw %}");
    const raw = site.raw("/reprints/2019/05/hostile/");
    const script = raw.slice(raw.indexOf('<script type="application/ld+json">'), raw.indexOf("</head>"));
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    expect(script).not.toContain("<!--");
    const [data] = jsonLd($);
    expect(data.sourceOrganization.name).toBe(`<script>alert('x')</script> & "Sons" {{ oops }}`);
    expect(data.copyrightNotice).toBe("</script><!-- (c) {% raw %}");
    expect(data.headline).toBe("</title><script>alert('title')</script>");
    expect(data.author).toEqual([{ "@type": "Person", name: "<b>Bold</b>" }]);
  });
});

describe("template data and the collection", () => {
  it("gives layouts the normalised reprint", () => {
    expect(site.page(RFERL)(".byline").text()).toBe("Radio Free Europe/Radio Liberty · 14 December 2021 · with permission");
    expect(site.page("/reprints/2024/03/conversation-cc-by-nd/")(".byline").text()).toBe(
      "The Conversation · 5 March 2024 · CC BY-ND 4.0",
    );
  });

  it("lists every reprint in the syndicated collection, newest original date first", () => {
    const $ = site.page("/");
    const titles = $(".reprints a").toArray().map((a) => $(a).text());
    expect(titles).toEqual([
      "A reprint outside the reprints folder", // 2025-10-09
      "A Conversation article", // 2024-03-05
      "A ProPublica story", // 2023-07-01
      "With its own permalink", // 2022-02-01
      "Under a licence of its own", // 2022-01-31
      "Putin Reiterates Need For 'Immediate' Talks With NATO", // 2021-12-14
      "From the sources registry", // 2020-06-02
      "</title><script>alert('title')</script>", // 2019-05-06
      "A Voice of America piece", // no date: last
    ]);
  });
});

describe("ordinary pages", () => {
  it("keep their own canonical, og:url and robots, with no banner or JSON-LD", () => {
    const $ = site.page("/about/");
    expect($('link[rel="canonical"]').attr("href")).toBe("https://example.org/about/");
    expect($('meta[property="og:url"]').attr("content")).toBe("https://example.org/about/");
    expect($('meta[name="robots"]').attr("content")).toBe("index, follow");
    expect($(".syndication-banner").length).toBe(0);
    expect(jsonLd($)).toEqual([]);
  });
});
