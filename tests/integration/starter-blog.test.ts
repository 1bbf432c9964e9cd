import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { installConsumer, pack } from "../consumer.js";
import { fixture, ROOT, site as readSite, words } from "../helpers.js";

// A blog shaped like the official starter, eleventy-base-blog 9 (tests/fixtures/starter-blog: an
// ESM config with eleventy-img's image transform, a tag list and a page per tag over `collections`,
// drafts, a data schema, an Atom feed over collections.posts, a sitemap over collections.all), with
// the plugin installed from `npm pack` and reprints in the blog's posts folder, built with the
// Eleventy command line as its owner builds it. A preloaded fetch stub answers the publishers'
// pixel hosts with a 1×1 GIF and refuses everything else: the image transform meets the pixel as
// it would online, and nothing reaches the network. Each variant is a copy of the fixture.
describe("a blog made from eleventy-base-blog 9, with the plugin installed from its tarball", () => {
  const work = mkdtempSync(join(tmpdir(), "syndication-starter-"));
  const install = installConsumer(work, pack(work), ["@11ty/eleventy", "@11ty/eleventy-img", "@11ty/eleventy-plugin-rss", "luxon", "zod"]);
  const STUB = join(ROOT, "tests", "offline-fetch.mjs");
  // The install and the builds take some 65 MB: not left behind.
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Copy the fixture (changed by `edit`), build it with the Eleventy CLI; what it printed, fetched and wrote. */
  const build = (name: string, { edit, args = [] }: { edit?: (dir: string) => void; args?: string[] } = {}) => {
    const dir = join(work, name);
    cpSync(join(ROOT, fixture("starter-blog")), dir, { recursive: true });
    edit?.(dir);
    const log = join(dir, "fetched.log");
    const run = spawnSync(process.execPath, ["--import", STUB, join(work, "node_modules", "@11ty", "eleventy", "cmd.cjs"), ...args], {
      cwd: dir,
      encoding: "utf8",
      // As on a CI host: the committed lock must already hold every address.
      env: { ...process.env, CI: "true", OFFLINE_FETCH_LOG: log },
    });
    const fetched = existsSync(log) ? [...new Set(readFileSync(log, "utf8").trim().split("\n"))] : [];
    // Eleventy's own note that the image transform takes a share of the build is no problem.
    const complaints = run.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("[11ty] Benchmark"));
    return { dir, run, fetched, complaints, site: readSite(join(dir, "_site")) };
  };

  const RFERL = "/reprints/2021/12/putin-immediate-talks/";
  const CONVERSATION = "/reprints/2024/03/conversation-sample/";
  const PROPUBLICA = "/reprints/2023/07/propublica-story/";
  const VOA = "/reprints/2024/12/voa-piece/";
  const CONVERSATION_PIXEL = "https://counter.theconversation.com/content/222222/count.gif?distributor=republish-lightbox-basic";
  const PROPUBLICA_PIXEL = "https://pixel.propublica.org/pixel.gif?id=starter-blog";

  const main = build("starter");
  const { site } = main;
  const feed = cheerio.load(site.raw("/feed/feed.xml"), { xml: true });
  const entry = (url: string) => feed("entry").filter((_, e) => feed(e).find("link").attr("href") === `https://example.com${url}`);

  it("installs, and builds on a CI host with the lock it committed", () => {
    expect(install.status).toBe(0);
    expect(main.complaints).toEqual([]);
    expect(main.run.status).toBe(0);
    // The starter's own features are at work: the draft is left out, the image transform ran.
    expect(site.files.some((f) => f.startsWith("blog/fifthpost"))).toBe(false);
    expect(site.page("/blog/fourthpost/")("picture source[type='image/avif']").length).toBe(1);
    for (const url of [RFERL, CONVERSATION, PROPUBLICA, VOA]) {
      const $ = site.page(url);
      expect($(".syndication-banner")).toHaveLength(1);
      expect($('link[rel="canonical"]')).toHaveLength(1);
      // The posts' layout and tag, from the blog folder's data file.
      expect($("ul.post-metadata time")).toHaveLength(1);
      expect($(".links-nextprev a").length).toBeGreaterThan(0);
    }
  });

  describe("the tracking pixel and the image transform", () => {
    it("leaves the publisher's pixel alone: the counter is never fetched at build time, and the page shows the original", () => {
      expect(main.fetched).toEqual([]);
      const pixel = site.page(CONVERSATION)("img.syndication-pixel");
      expect(pixel).toHaveLength(1);
      expect(pixel.attr("src")).toBe(CONVERSATION_PIXEL);
      // A pixel written in the body, as ProPublica's republishing HTML has it, is left alone too.
      expect(site.page(PROPUBLICA)(`img[src="${PROPUBLICA_PIXEL}"]`)).toHaveLength(1);
      expect(site.page(PROPUBLICA)("picture")).toHaveLength(0);
    });

    it("keeps it in the feed's content, and writes no attribute that is not HTML", () => {
      const content = cheerio.load(entry(CONVERSATION).find("content").text());
      expect(content("img.syndication-pixel").attr("src")).toBe(CONVERSATION_PIXEL);
      for (const file of site.files.filter((f) => /\.(html|xml)$/.test(f))) {
        expect(readFileSync(join(site.output, file), "utf8"), file).not.toContain("eleventy:ignore");
      }
    });

    it("fails a page that still lost it, naming the image transform and the remedy", () => {
      // Written as a Markdown image, which cannot carry eleventy:ignore: the transform takes it.
      const lost = build("starter-markdown-pixel", {
        edit: (dir) =>
          appendFileSync(join(dir, "content", "blog", "reprints", "conversation-sample.md"), `\n![](${CONVERSATION_PIXEL})\n`),
      });
      expect(lost.run.status).toBe(1);
      expect(lost.fetched).toEqual([CONVERSATION_PIXEL]);
      expect(lost.run.stderr).toContain(
        `content/blog/reprints/conversation-sample.md:10  syndication.pixel  is not on the built page: something between the Markdown and the page removed the tracking image "${CONVERSATION_PIXEL.slice(0, 59)}…" (an image transform such as eleventy-img's replaces images it was not told to leave alone with local copies), write the image in the body as HTML with the eleventy:ignore attribute, or leave it out of the body and let the plugin add it`,
      );
    });
  });

  describe("collections", () => {
    it("gain nothing the site did not ask for: no tag and no tag page for the plugin", () => {
      const $ = site.page("/tags/");
      expect($("main li a").toArray().map((a) => $(a).text())).toEqual(["another tag", "number 2", "second tag"]);
      expect(site.files.filter((f) => f.startsWith("tags/"))).toEqual([
        "tags/another-tag/index.html",
        "tags/index.html",
        "tags/number-2/index.html",
        "tags/second-tag/index.html",
      ]);
    });

    it("are not needed for redirect pages: a moved reprint's old address still leads to it", () => {
      const $ = site.page("/blog/reprints/voa-piece/");
      expect($('meta[http-equiv="refresh"]').attr("content")).toBe(`0; url=${VOA}`);
      expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    });

    it("are not needed to list reprints: collections.all | reprints, newest original first", () => {
      const $ = site.page("/");
      expect($(".reprints a").toArray().map((a) => $(a).attr("href"))).toEqual([VOA, CONVERSATION, PROPUBLICA, RFERL]);
    });

    it("feed the sitemap, which the withoutReprints filter keeps to the site's own pages", () => {
      const locs = cheerio.load(site.raw("/sitemap.xml"), { xml: true })("loc").toArray().map((l) => cheerio.load(l).text());
      expect(locs).toContain("https://example.com/blog/firstpost/");
      expect(locs.filter((l) => l.includes("/reprints/"))).toEqual([]);
    });
  });

  describe("dates", () => {
    it("date a reprint without its own date by the original, in the post header, the lists and the feed", () => {
      expect(site.page(RFERL)("ul.post-metadata time").attr("datetime")).toBe("2021-12-14");
      expect(words(site.page(RFERL)("ul.post-metadata time").text())).toBe("14 December 2021");
      expect(entry(RFERL).find("updated").text()).toBe("2021-12-14T00:00:00Z");
      expect(entry(CONVERSATION).find("updated").text()).toBe("2024-03-05T00:00:00Z");
      // The archive lists posts by date, newest first: the reprints take their originals' places.
      const $ = site.page("/blog/");
      expect($(".postlist-link").toArray().map((a) => $(a).attr("href"))).toEqual([
        VOA, // its own date: 2025-01-10
        CONVERSATION, // 2024-03-05
        PROPUBLICA, // 2023-07-01
        RFERL, // 2021-12-14
        "/blog/fourthpost/",
        "/blog/thirdpost/",
        "/blog/secondpost/",
        "/blog/firstpost/",
      ]);
    });

    it("leave a reprint's own date alone", () => {
      expect(site.page(VOA)("ul.post-metadata time").attr("datetime")).toBe("2025-01-10");
      expect(entry(VOA).find("updated").text()).toBe("2025-01-10T00:00:00Z");
    });
  });

  describe("the lock on a CI host, where editors add reprints without building", () => {
    const LOCK = "syndication.lock.json";
    const NEW = "content/blog/reprints/cms-added.md";
    const addReprint = (dir: string) =>
      writeFileSync(
        join(dir, NEW),
        [
          "---",
          "title: A reprint an editor added through the CMS",
          "syndication:",
          "  source: voa",
          "  originalUrl: https://www.voanews.com/a/added-through-the-cms/7654321.html",
          "  published: 2025-02-03",
          "---",
          "Text the editor pasted.",
          "",
        ].join("\n"),
      );

    it("passes a first deploy without a lock, names the addresses to commit, and writes no lock", () => {
      const first = build("starter-no-lock", { edit: (dir) => rmSync(join(dir, LOCK)) });
      expect(first.run.status).toBe(0);
      expect(first.site.page(RFERL)(".syndication-banner")).toHaveLength(1);
      const said = first.run.stdout + first.run.stderr;
      expect(said).toContain(`warning: ${LOCK}  lock  does not hold these 4 new reprints' addresses yet`);
      expect(said.split("\n").filter((line) => line.endsWith("[lock-pending]"))).toHaveLength(1);
      for (const url of [RFERL, CONVERSATION, PROPUBLICA, VOA]) expect(said).toContain(url);
      expect(existsSync(join(first.dir, LOCK))).toBe(false);
    });

    it("passes a deploy in which an editor only added a reprint, and leaves the committed lock as it was", () => {
      const added = build("starter-added", { edit: addReprint });
      expect(added.run.status).toBe(0);
      expect(added.site.page("/reprints/2025/02/cms-added/")(".syndication-banner")).toHaveLength(1);
      expect(added.run.stdout + added.run.stderr).toContain(`warning: ${LOCK}  lock  does not hold this new reprint's address yet`);
      expect((added.run.stdout + added.run.stderr).split("\n").filter((line) => line.endsWith("[lock-pending]"))).toHaveLength(1);
      expect(readFileSync(join(added.dir, LOCK), "utf8")).toBe(readFileSync(join(ROOT, fixture("starter-blog"), LOCK), "utf8"));
    });

    it("fails a deploy that would move or drop a committed address, before any page is written", () => {
      const moved = build("starter-moved", {
        edit: (dir) => {
          const file = join(dir, "content", "blog", "reprints", "putin-immediate-talks.md");
          writeFileSync(file, readFileSync(file, "utf8").replace("published: 2021-12-14", "published: 2021-11-14"));
        },
      });
      expect(moved.run.status).toBe(1);
      expect(moved.run.stderr).toContain(`was published at ${RFERL} but would now be at /reprints/2021/11/putin-immediate-talks/`);
      expect(moved.site.files.filter((f) => f.endsWith(".html"))).toEqual([]);

      const dropped = build("starter-dropped", { edit: (dir) => rmSync(join(dir, "content", "blog", "reprints", "propublica-story.md")) });
      expect(dropped.run.status).toBe(1);
      expect(dropped.run.stderr).toContain(`was published at ${PROPUBLICA}`);
      expect(dropped.run.stderr).toContain(`npx eleventy-syndication forget ${PROPUBLICA}`);
      expect(dropped.site.files.filter((f) => f.endsWith(".html"))).toEqual([]);
    });
  });

  it("builds the same blog from a CommonJS config, where require() gives the plugin itself", () => {
    const cjs = build("starter-cjs", { args: ["--config=eleventy.config.cjs"] });
    expect(cjs.complaints).toEqual([]);
    expect(cjs.run.status).toBe(0);
    const $ = cjs.site.page(RFERL);
    expect($(".syndication-banner")).toHaveLength(1);
    expect($('link[rel="canonical"]').attr("href")).toBe("https://www.rferl.org/a/putin-immediate-talks-nato-security-guarantees/31609362.html");
    expect($("ul.post-metadata time").attr("datetime")).toBe("2021-12-14");
    // Named and default imports are the same plugin, and require() gives it too.
    const probe = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import plugin, { syndicationPlugin } from "eleventy-plugin-syndication";
         import { createRequire } from "node:module";
         const required = createRequire(import.meta.url)("eleventy-plugin-syndication");
         console.log(typeof plugin, plugin === syndicationPlugin, required === plugin);`,
      ],
      { cwd: cjs.dir, encoding: "utf8" },
    );
    expect(probe.stdout.trim()).toBe("function true true");
  });

  it("leaves a broken YAML block in an ordinary post to Eleventy, with its position marker, not counted as a reprint", () => {
    const broken = build("starter-broken-post", {
      edit: (dir) => writeFileSync(join(dir, "content", "blog", "broken.md"), "---\ntitle: A post\ntitle: Twice\n---\nText.\n"),
    });
    expect(broken.run.status).toBe(1);
    expect(broken.run.stderr).toContain("./content/blog/broken.md");
    expect(broken.run.stderr).toContain("duplicated mapping key (3:1)");
    expect(broken.run.stderr).toMatch(/\[11ty\] {2}3 \| title: Twice\n\[11ty\] -+\^/);
    expect(broken.run.stderr + broken.run.stdout).not.toMatch(/in \d+ reprints?/);
  });

  it("shows one banner when the post layout also calls {% syndicationBanner %}, and says which placement won", () => {
    const twice = build("starter-shortcode", {
      edit: (dir) => {
        const layout = join(dir, "_includes", "layouts", "post.njk");
        writeFileSync(layout, readFileSync(layout, "utf8").replace("<h1>{{ title }}</h1>", "<h1>{{ title }}</h1>\n{% syndicationBanner %}"));
      },
    });
    expect(twice.run.status).toBe(0);
    for (const url of [RFERL, CONVERSATION, PROPUBLICA, VOA]) {
      const $ = twice.site.page(url);
      expect($(".syndication-banner"), url).toHaveLength(1);
      // The one in the content: feeds carry it too.
      expect($(".syndication-banner").prev().is("ul.post-metadata")).toBe(true);
    }
    // Ordinary posts use the same layout: the shortcode prints nothing there.
    expect(twice.site.page("/blog/firstpost/")(".syndication-banner")).toHaveLength(0);
    // One warning a reprint, at the reprint, by rule id; it says which placement won and how to choose the other.
    const warned = twice.run.stderr.split("\n").filter((line) => line.endsWith("[banner-shown]"));
    expect(warned.map((line) => line.slice(line.indexOf("content/"), line.indexOf("  calls ")))).toEqual(
      ["conversation-sample", "propublica-story", "putin-immediate-talks", "voa-piece"].map((name) => `content/blog/reprints/${name}.md:1  content`),
    );
    expect(warned[0]).toContain('calls {% syndicationBanner %}, but its content already has the banner, so the shortcode printed nothing');
    expect(warned[0]).toContain('set bannerPosition: "none"');
  });
});
