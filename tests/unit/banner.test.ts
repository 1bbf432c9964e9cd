import { describe, expect, it } from "vitest";
import { fillTemplate, joinNames, renderBanner, chooseWording } from "../../plugins/syndication/render/banner.js";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";
import { byline } from "../../plugins/syndication/reprint/build.js";
import type { Licence } from "../../plugins/syndication/types.js";

const permission: Licence = { kind: "permission", id: "permission", name: "Reprinted with permission", label: "with permission" };

describe("banner", () => {
  it("writes the permission sentence word for word, the source linked to the original", () => {
    const banner = renderBanner(resolveOptions().wording.permission, {
      sourceName: "Radio Free Europe/Radio Liberty",
      originalUrl: "https://www.rferl.org/a/x/1.html",
      licence: permission,
      authors: [],
    });
    expect(banner.text).toBe(
      "This article was originally published by Radio Free Europe/Radio Liberty and is reprinted with permission.",
    );
    expect(banner.html).toBe(
      '<div class="syndication-banner"><p class="syndication-credit u-repost-of h-cite">This article was originally published by ' +
        '<a class="u-url p-publication" href="https://www.rferl.org/a/x/1.html"><bdi>Radio Free Europe/Radio Liberty</bdi></a> and is reprinted with permission.</p></div>',
    );
  });

  it("escapes every value and every literal, braces included", () => {
    const banner = renderBanner("By {source} <{title}> {{x}}", {
      sourceName: `<img src=x onerror="a">`,
      originalUrl: `https://e.com/?a="b"`,
      licence: permission,
      authors: [],
      title: "{% raw %}",
      copyright: "<b>(c)</b>",
    });
    expect(banner.html).toBe(
      '<div class="syndication-banner"><p class="syndication-credit u-repost-of h-cite">By <a class="u-url p-publication" href="https://e.com/?a=&quot;b&quot;">' +
        "<bdi>&lt;img src=x onerror=&quot;a&quot;&gt;</bdi></a> &lt;<bdi>&#123;% raw %&#125;</bdi>&gt; &#123;&#123;x&#125;&#125;" +
        '<data class="p-name" value="&#123;% raw %&#125;"></data></p>' +
        '<p class="syndication-copyright" dir="auto">&lt;b&gt;(c)&lt;/b&gt;</p></div>',
    );
    expect(banner.text).toBe(`By <img src=x onerror="a"> <{% raw %}> {{x}}`);
  });

  it("isolates every value from front matter, so no direction control in it turns the sentence around it", () => {
    const rlo = "\u202e";
    const banner = renderBanner("{author} for {source}, under {licence}, reprinted with permission.", {
      sourceName: `Wire${rlo}`,
      originalUrl: "https://e.com/",
      licence: { kind: "custom", id: "custom", name: "Licence", label: "Licence", url: "https://e.com/l" },
      authors: [{ name: "أحمد", affiliation: `Uni${rlo}` }, { name: "Bo" }],
      copyright: `(c) ${rlo}Wire`,
    });
    expect(banner.html).toContain(
      `<bdi>أحمد</bdi> (<bdi>Uni${rlo}</bdi>) and <bdi>Bo</bdi> for <a class="u-url p-publication" href="https://e.com/"><bdi>Wire${rlo}</bdi></a>, under <a rel="license" href="https://e.com/l"><bdi>Licence</bdi></a>, reprinted with permission.`,
    );
    expect(banner.html).toContain(`<p class="syndication-copyright" dir="auto">(c) ${rlo}Wire</p>`);
    // In the text form (JSON-LD's creditText), a value with a direction control is isolated by
    // FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE; others are left as they are.
    expect(banner.text).toBe(`أحمد (\u2068Uni${rlo}\u2069) and Bo for \u2068Wire${rlo}\u2069, under Licence, reprinted with permission.`);
    // The byline layouts print is isolated the same way.
    expect(byline([{ name: "أحمد", affiliation: `Uni${rlo}` }, { name: "Bo" }])).toBe(`أحمد (\u2068Uni${rlo}\u2069) and Bo`);
  });

  it("drops an optional [[ ]] segment whose placeholder is empty", () => {
    const values = { author: { html: "A", text: "A" }, source: { html: "S", text: "S" } };
    expect(fillTemplate("x[[ by {author}]] y", values).text).toBe("x by A y");
    expect(fillTemplate("x[[ by {author}]] y", { source: values.source }).text).toBe("x y");
  });

  it("joins names as people write them", () => {
    expect(joinNames(["A"])).toBe("A");
    expect(joinNames(["A", "B"])).toBe("A and B");
    expect(joinNames(["A", "B", "C"])).toBe("A, B and C");
  });

  it("chooses the wording of the page's language, then its base language, then the default", () => {
    const options = resolveOptions({ locales: { fr: { permission: "FR" }, "pt-BR": { permission: "PT-BR" } } });
    expect(chooseWording(options, "fr-CA", "permission")).toBe("FR");
    expect(chooseWording(options, "pt-BR", "permission")).toBe("PT-BR");
    expect(chooseWording(options, "fr", "publicDomain")).toBe(options.wording.publicDomain);
    expect(chooseWording(options, undefined, "permission")).toBe(options.wording.permission);
  });
});
