/**
 * The banner through the site's Markdown library. Eleventy keeps each page's text as read (its
 * `rawInput`): a preprocessor that returned the text with the banner added would make it keep a
 * second copy of every reprint beside the first. For a page that Markdown renders, the plugin
 * instead adds the banner (and an excerpt's closing link, and a pixel the body lacks) to what the
 * site's Markdown library renders for that page: the page's content (`content`, `templateContent`,
 * what feeds print) carries it, and the text Eleventy keeps is the file's own. Pages of other
 * template languages, and a body the plugin must edit, get it in the text (render/content.ts).
 */
import type { Around } from "../render/content.js";

/** What the Markdown library's output of a page gains: before it, and after it. */
interface Placement {
  before: string;
  after: string;
}

/** Each page's placement, by the page's data object (the `env` Eleventy renders its Markdown with). */
const placements = new WeakMap<object, Placement>();
/** A library already wrapped (by this plugin in this or an earlier build of the process). */
const WRAPPED = Symbol.for("eleventy-plugin-syndication.render");

type Render = (this: unknown, source: unknown, env?: unknown, ...rest: unknown[]) => unknown;

/**
 * Have a Markdown library (markdown-it, or any object with `render(source, env)`, which Eleventy
 * calls with the page's data as `env`) add each page's placement to what it renders. Returns
 * whether the library places them. A library is wrapped once, whatever the number of builds and
 * plugin instances: placements are found by the data object itself, never by a plugin's state.
 */
export function placeWithMarkdown(library: unknown): boolean {
  if (library === null || (typeof library !== "object" && typeof library !== "function")) return false;
  const md = library as { render?: unknown; [WRAPPED]?: true };
  if (md[WRAPPED]) return true;
  const render = md.render;
  if (typeof render !== "function") return false;
  md.render = function (this: unknown, source: unknown, env?: unknown, ...rest: unknown[]) {
    const out = (render as Render).call(this, source, env, ...rest);
    const placement = env !== null && typeof env === "object" ? placements.get(env) : undefined;
    if (placement === undefined) return out;
    const place = (html: unknown) => (typeof html === "string" ? placement.before + html + placement.after : html);
    // A library whose render is asynchronous (Eleventy awaits what it returns).
    return out instanceof Promise ? out.then(place) : place(out);
  };
  Object.defineProperty(md, WRAPPED, { value: true });
  return true;
}

/** Whether Markdown renders this page last (`liquid,md`, `md`): its output is then the page's content. */
export function rendersMarkdown(templateSyntax: unknown): boolean {
  return typeof templateSyntax === "string" && templateSyntax.split(",").at(-1)?.trim() === "md";
}

/** Add the blocks to what the Markdown library renders with this data (a page's data object). */
export function placeAtRender(data: object, parts: Around): void {
  placements.set(data, {
    before: parts.before.map((block) => `${block}\n`).join(""),
    after: parts.after.map((block) => `${block}\n`).join(""),
  });
}
