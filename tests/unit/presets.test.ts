import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../plugins/syndication/reprint/options.js";
import { normalise } from "../../plugins/syndication/rules/normalise.js";
import { bodyDigest } from "../../plugins/syndication/reprint/digest.js";

const options = resolveOptions();
const conversation = {
  source: "the-conversation",
  originalUrl: "https://theconversation.com/x-1",
  published: "2024-03-05",
  author: { name: "Jane Doe", affiliation: "University of Leeds" },
  pixel: "https://counter.theconversation.com/content/1/count.gif",
};
const fields = (result: ReturnType<typeof normalise>) => result.problems.map((p) => p.field);

describe("presets", () => {
  it("are there by key, with their name, home page and licence", () => {
    const { reprint } = normalise(conversation, {}, options);
    expect(reprint!.source).toEqual({ key: "the-conversation", name: "The Conversation", url: "https://theconversation.com/" });
    expect(reprint!.licence.id).toBe("CC-BY-ND-4.0");
    expect(reprint!.byline).toBe("Jane Doe (University of Leeds)");
  });

  it("can be overridden by a site's entry of the same key, or extended under another", () => {
    const site = resolveOptions({
      sources: {
        "the-conversation": { rules: { pixel: false } },
        "tc-uk": { extends: "the-conversation", url: "https://theconversation.com/uk" },
      },
    });
    const { pixel: _, ...noPixel } = conversation;
    expect(normalise(noPixel, {}, site).problems).toEqual([]);
    expect(site.sources["the-conversation"]!.rules).toEqual({ noEdits: "error", pixel: false, affiliations: true, images: true });
    const uk = normalise({ ...conversation, source: "tc-uk" }, {}, site).reprint!;
    expect(uk.source).toEqual({ key: "tc-uk", name: "The Conversation", url: "https://theconversation.com/uk" });
    expect(uk.banner.text).toMatch(/is republished from The Conversation under the/);
  });

  it("ask The Conversation's authors for institutions, and for its counter", () => {
    const { pixel: _, ...noPixel } = conversation;
    expect(fields(normalise({ ...noPixel, author: ["Jane Doe", { name: "B", affiliation: "C" }] }, {}, options))).toEqual([
      "syndication.author",
      "syndication.pixel",
    ]);
    const { author: __, ...noAuthor } = conversation;
    expect(normalise(noAuthor, {}, options).problems[0]!.message).toBe(
      "is missing, and The Conversation asks that authors be credited with their institutions",
    );
  });

  it("refuse an excerpt of a ProPublica story", () => {
    const result = normalise({ source: "propublica", originalUrl: "https://www.propublica.org/article/x", pixel: "https://p.example/p.gif", excerpt: true }, {}, options);
    expect(fields(result)).toEqual(["syndication.excerpt"]);
  });

  it("fill RFE/RL's copyright notice with the original's year, and need that year", () => {
    const ok = normalise({ source: "rferl", originalUrl: "https://www.rferl.org/a/x/1.html", published: "2019-05-01" }, {}, options).reprint!;
    expect(ok.copyright).toMatch(/^Copyright \(c\) 2019\. RFE\/RL, Inc\. Reprinted with the permission of Radio Free Europe\/Radio Liberty/);
    const undated = normalise({ source: "rferl", originalUrl: "https://www.rferl.org/a/x/1.html" }, {}, options);
    expect(fields(undated)).toEqual(["syndication.published"]);
    // A notice written in the page needs no date, unless it asks for the year too.
    expect(normalise({ source: "rferl", originalUrl: "https://www.rferl.org/a/x/1.html", copyright: "(c) RFE/RL" }, {}, options).problems).toEqual([]);
    const own = normalise({ source: "Wire", licence: "permission", originalUrl: "https://w.example/1", copyright: "(c) {year} Wire" }, {}, options);
    expect(own.problems[0]).toMatchObject({ field: "syndication.published", message: "is missing, and the copyright notice needs the year of the original ({year})" });
  });

  it("do not hold an ended reprint, which shows a notice, to the rules for the article", () => {
    const { pixel: _, ...noPixel } = conversation;
    const withdrawn = normalise({ ...noPixel, author: "Jane Doe", withdrawn: true }, {}, options);
    expect(withdrawn.problems).toEqual([]);
    expect(withdrawn.reprint!.status).toBe("withdrawn");
    const expired = normalise({ source: "rferl", originalUrl: "https://www.rferl.org/a/x/1.html", expires: "2020-01-01" }, {}, options);
    expect(expired.problems).toEqual([]);
    expect(expired.reprint!.status).toBe("expired");
    // Still live: the same fields are required.
    expect(normalise({ source: "rferl", originalUrl: "https://www.rferl.org/a/x/1.html", expires: "2999-01-01" }, {}, options).problems).toHaveLength(1);
  });

  it("keep the publisher's sentence over the site's, and over the page language's", () => {
    const site = resolveOptions({
      wording: { creativeCommons: "Site sentence {source}." },
      locales: { fr: { creativeCommons: "Phrase du site {source}.", tombstone: "Cet article n'est plus disponible ici ({source})." } },
    });
    const page = normalise(conversation, { lang: "fr" }, site).reprint!;
    expect(page.banner.text).toBe("This article by Jane Doe (University of Leeds) is republished from The Conversation under the Creative Commons Attribution No Derivatives 4.0 International licence.");
    // Where the publisher has no sentence of its own, the page's language is used.
    const ended = normalise({ ...conversation, withdrawn: true }, { lang: "fr" }, site).reprint!;
    expect(ended.tombstone!.text).toBe("Cet article n'est plus disponible ici (The Conversation).");
    // A site words a publisher's credit in its own sources entry.
    const translated = resolveOptions({ sources: { "the-conversation": { wording: { creativeCommons: "Republié depuis {source}." } } } });
    expect(normalise(conversation, { lang: "fr" }, translated).reprint!.banner.text).toBe("Republié depuis The Conversation.");
  });
});

describe("the no-edit rule", () => {
  const received = "Yesterday the council met.";
  const digest = bodyDigest(received);

  it("passes a body that matches its digest", () => {
    const result = normalise({ ...conversation, digest }, { body: `\n${received}\n` }, options);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("fails an edited body under a publisher that forbids edits, and warns under one that does not", () => {
    const edited = { body: "On Monday the council met." };
    expect(fields(normalise({ ...conversation, digest }, edited, options))).toEqual(["syndication.digest"]);
    const rferl = normalise({ source: "rferl", originalUrl: "https://www.rferl.org/a/x/1.html", published: "2021-12-14", digest }, edited, options);
    expect(rferl.problems).toEqual([]);
    expect(rferl.warnings.map((w) => w.field)).toEqual(["syndication.digest"]);
    // A plain source name has no rules: an edit warns.
    const plain = normalise({ source: "Wire", licence: "permission", originalUrl: "https://w.example/1", digest }, edited, options);
    expect(plain.warnings.map((w) => w.field)).toEqual(["syndication.digest"]);
  });

  it("lets a noted change through, and tells readers in the banner", () => {
    const result = normalise({ ...conversation, digest, changes: "Dates made absolute." }, { body: "On Monday the council met." }, options);
    expect(result.problems).toEqual([]);
    expect(result.reprint!.banner.text).toMatch(/ Changes made here: Dates made absolute\.$/);
  });

  it("refuses a digest it did not write", () => {
    expect(normalise({ ...conversation, digest: "md5-abc" }, { body: received }, options).problems[0]!.message).toBe(
      '"md5-abc" is not a digest this plugin wrote',
    );
  });
});

describe("excerpts and authors", () => {
  it("says an excerpt is one, and ends it with the way to the whole", () => {
    const { reprint } = normalise({ source: "Wire", licence: "permission", originalUrl: "https://w.example/1", excerpt: true }, {}, options);
    expect(reprint!.banner.text).toBe("This is an excerpt. This article was originally published by Wire and is reprinted with permission.");
    expect(reprint!.readMore).toEqual({
      html: '<p class="syndication-read-more">Read the full article at <a href="https://w.example/1"><bdi>Wire</bdi></a>.</p>',
      text: "Read the full article at Wire.",
    });
  });

  it("refuses an author object without a name, or with fields it does not know", () => {
    const base = { source: "Wire", licence: "permission", originalUrl: "https://w.example/1" };
    for (const author of [{ affiliation: "X" }, { name: "A", institution: "X" }, [{ name: "" }]]) {
      expect(fields(normalise({ ...base, author }, {}, options))[0]).toMatch(/^syndication\.author/);
    }
    expect(normalise({ ...base, author: { name: "A", institution: "X" } }, {}, options).problems[0]).toMatchObject({
      field: "syndication.author.institution",
      fix: "remove it; author takes name and affiliation",
    });
  });
});
