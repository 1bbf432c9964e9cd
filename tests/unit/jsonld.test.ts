import { describe, expect, it } from "vitest";
import { buildJsonLd, jsonLdScript } from "../../plugins/syndication/render/jsonld.js";
import type { Reprint } from "../../plugins/syndication/types.js";

const reprint: Reprint = {
  source: { name: "RFE/RL", url: "https://www.rferl.org/" },
  originalUrl: "https://www.rferl.org/a/x/1.html",
  licence: { kind: "creative-commons", id: "CC-BY-4.0", name: "CC BY", label: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  authors: [{ name: "RFE/RL" }, { name: "A Person" }],
  byline: "RFE/RL and A Person",
  excerpt: false,
  copyright: "(c) </script><!-- x",
  published: { iso: "2021-12-14", formatted: "14 December 2021" },
  expires: { iso: "2026-12-14", formatted: "14 December 2026" },
  withdrawn: false,
  status: "live",
  previousUrls: [],
  indexing: "canonical",
  banner: { html: "", text: "Credit \u2028 line" },
};

describe("JSON-LD", () => {
  it("describes a NewsArticle based on the original", () => {
    const org = { "@type": "Organization", name: "RFE/RL", url: "https://www.rferl.org/" };
    expect(buildJsonLd(reprint, "Headline")).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Headline",
      isBasedOn: "https://www.rferl.org/a/x/1.html",
      creditText: "Credit \u2028 line",
      license: "https://creativecommons.org/licenses/by/4.0/",
      copyrightHolder: org,
      sourceOrganization: org,
      copyrightNotice: "(c) </script><!-- x",
      datePublished: "2021-12-14",
      author: [org, { "@type": "Person", name: "A Person" }],
      expires: "2026-12-14",
    });
  });

  it("is a script no value can break out of, and parses back to the same data", () => {
    const data = buildJsonLd(reprint, "</script><script>alert(1)</script>");
    const script = jsonLdScript(data);
    const inner = script.slice('<script type="application/ld+json">'.length, -"</script>".length);
    expect(inner).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(inner)).toEqual(data);
  });
});
