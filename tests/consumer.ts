/**
 * Install the packed plugin into a site outside the repository, as a user would, without the
 * network: `npm ci --offline` from a lock file derived from this repository's own lock, so every
 * package comes from the npm cache that `npm ci` of this repository filled (by integrity, with no
 * registry metadata needed, which `npm install <name>` would ask for).
 *
 * The Eleventy releases the sites are built with are this repository's `@11ty/eleventy` and its
 * aliases in devDependencies (`"eleventy-4-alpha": "npm:@11ty/eleventy@4.0.0-alpha.10"`): a site
 * gets an alias under its real name.
 */
import { createHash } from "node:crypto";
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { ROOT } from "./helpers.js";

interface LockPackage {
  /** The real name of an aliased package (`"eleventy-4-alpha": "npm:@11ty/eleventy@…"`). */
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

const repoLock = () =>
  (JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockPackage> }).packages;

/**
 * Where Node (and npm's tree) finds `name` from the package at `from`: its own node_modules, then
 * each parent's. At the top, `aliases` (real name → folder) stand in for the packages they name.
 */
function resolveIn(packages: Record<string, LockPackage>, from: string, name: string, aliases: Map<string, string>): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ""}node_modules/${base ? name : (aliases.get(name) ?? name)}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const at = base.lastIndexOf("node_modules/");
    base = at <= 0 ? "" : base.slice(0, at - 1);
  }
}

/** Pack the plugin into `work` once; returns the tarball's file name. */
export function pack(work: string): string {
  execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: ROOT, stdio: "pipe" });
  return readdirSync(work).find((f) => f.endsWith(".tgz"))!;
}

/**
 * Write `package.json` and `package-lock.json` for a site in `work` that depends on the tarball and
 * on `names` (top-level folders of this repository's lock, at the versions it holds; an alias is
 * installed under the name it stands for), then `npm ci --offline`. Without a tarball, the site
 * has `names` alone (what it weighs before the plugin comes).
 */
export function installConsumer(work: string, tarball: string | undefined, names: string[]): SpawnSyncReturns<string> {
  const packages = repoLock();
  const plugin = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    name: string;
    version: string;
    license?: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    bin?: Record<string, string>;
    engines?: Record<string, string>;
  };
  const rootDeps: Record<string, string> = tarball ? { [plugin.name]: `file:${tarball}` } : {};
  // Real name → folder in this repository's tree, for the aliases among `names`.
  const aliases = new Map<string, string>();
  for (const folder of names) {
    const entry = packages[`node_modules/${folder}`];
    if (!entry?.version) throw new Error(`${folder} is not at the top of this repository's package-lock.json`);
    const name = entry.name ?? folder;
    if (name !== folder) aliases.set(name, folder);
    rootDeps[name] = entry.version;
  }
  // A place in this repository's tree, as the site's tree has it: an alias's folder under its real name.
  const place = (at: string) => {
    for (const [name, folder] of aliases) {
      const prefix = `node_modules/${folder}`;
      if (at === prefix || at.startsWith(`${prefix}/`)) return `node_modules/${name}${at.slice(prefix.length)}`;
    }
    return at;
  };
  const out: Record<string, LockPackage> = { "": { name: "consumer", dependencies: rootDeps } };
  if (tarball) {
    out[`node_modules/${plugin.name}`] = {
      version: plugin.version,
      resolved: `file:${tarball}`,
      integrity: `sha512-${createHash("sha512").update(readFileSync(join(work, tarball))).digest("base64")}`,
      ...(plugin.license ? { license: plugin.license } : {}),
      ...(plugin.dependencies ? { dependencies: plugin.dependencies } : {}),
      ...(plugin.bin ? { bin: plugin.bin } : {}),
      ...(plugin.engines ? { engines: plugin.engines } : {}),
      ...(plugin.peerDependencies ? { peerDependencies: plugin.peerDependencies } : {}),
    };
  }
  // Every package reachable from the site's dependencies, at the place this repository's tree has it.
  const queue: Array<[string, string]> = [
    ...Object.keys(rootDeps).filter((name) => name !== plugin.name).map((name) => ["", name] as [string, string]),
    ...(tarball ? Object.keys({ ...plugin.dependencies, ...plugin.peerDependencies }).map((name) => ["", name] as [string, string]) : []),
  ];
  while (queue.length > 0) {
    const [from, name] = queue.shift()!;
    const at = resolveIn(packages, from, name, aliases);
    if (at === undefined) continue; // an optional peer nobody installed
    if (out[place(at)]) continue;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = packages[at]!;
    // An alias of `names` goes under its real name; an alias deeper in the tree (wrap-ansi-cjs) stays one.
    if (aliases.get(entry.name ?? "") === at.slice("node_modules/".length)) delete entry.name;
    out[place(at)] = entry;
    const optionalPeers = new Set(Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n));
    const deps = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n)),
    ];
    for (const dep of deps) queue.push([at, dep]);
  }
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: rootDeps }, null, 2));
  writeFileSync(join(work, "package-lock.json"), JSON.stringify({ name: "consumer", lockfileVersion: 3, requires: true, packages: out }, null, 2));
  return spawnSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: work, encoding: "utf8" });
}

/** An Eleventy release the packed plugin is tested with. */
export interface EleventyRelease {
  /** Its folder in this repository's node_modules: `@11ty/eleventy`, or an alias such as `eleventy-4-alpha`. */
  folder: string;
  version: string;
  /** A Node.js that runs it (this one, or tests/node22's), or undefined when there is none here. */
  node: string | undefined;
  /** Its `engines.node`, to say what is missing. */
  needs: string;
}

/** Node.js 22 from the npm registry, installed by `npm run setup:node22` (and by CI). */
export const NODE22 = join(ROOT, "tests", "node22", "node_modules", "node", "bin", "node");

/** A Node.js that satisfies `needs` (a package's `engines.node`): this one or tests/node22's, if any. */
export function nodeFor(needs: string): string | undefined {
  if (semver.satisfies(process.version, needs)) return process.execPath;
  if (!existsSync(NODE22)) return undefined;
  return semver.satisfies(execFileSync(NODE22, ["--version"], { encoding: "utf8" }).trim(), needs) ? NODE22 : undefined;
}

/** `@11ty/eleventy` and every devDependency that is an alias of it, oldest first. */
export function eleventyReleases(): EleventyRelease[] {
  const packages = repoLock();
  const dev = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies;
  return Object.entries(dev)
    .filter(([name, spec]) => name === "@11ty/eleventy" || spec.startsWith("npm:@11ty/eleventy@"))
    .map(([folder]) => {
      const entry = packages[`node_modules/${folder}`]!;
      const needs = (entry.engines as { node?: string } | undefined)?.node ?? "*";
      return { folder, version: entry.version!, node: nodeFor(needs), needs };
    })
    .sort((a, b) => semver.compare(a.version, b.version));
}
