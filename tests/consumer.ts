/**
 * Install the packed plugin into a site outside the repository, as a user would, without the
 * network: `npm ci --offline` from a lock file derived from this repository's own lock, so every
 * package comes from the npm cache that `npm ci` of this repository filled (by integrity, with no
 * registry metadata needed, which `npm install <name>` would ask for).
 */
import { createHash } from "node:crypto";
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.js";

interface LockPackage {
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

/** Where Node (and npm's tree) finds `name` from the package at `from`: its own node_modules, then each parent's. */
function resolveIn(packages: Record<string, LockPackage>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
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
 * on `names` (packages of this repository's lock, at the versions it holds), then `npm ci --offline`.
 */
export function installConsumer(work: string, tarball: string, names: string[]): SpawnSyncReturns<string> {
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
  const integrity = `sha512-${createHash("sha512").update(readFileSync(join(work, tarball))).digest("base64")}`;
  const rootDeps: Record<string, string> = { [plugin.name]: `file:${tarball}` };
  for (const name of names) {
    const entry = packages[`node_modules/${name}`];
    if (!entry?.version) throw new Error(`${name} is not at the top of this repository's package-lock.json`);
    rootDeps[name] = entry.version;
  }
  const out: Record<string, LockPackage> = {
    "": { name: "consumer", dependencies: rootDeps },
    [`node_modules/${plugin.name}`]: {
      version: plugin.version,
      resolved: `file:${tarball}`,
      integrity,
      ...(plugin.license ? { license: plugin.license } : {}),
      ...(plugin.dependencies ? { dependencies: plugin.dependencies } : {}),
      ...(plugin.bin ? { bin: plugin.bin } : {}),
      ...(plugin.engines ? { engines: plugin.engines } : {}),
      ...(plugin.peerDependencies ? { peerDependencies: plugin.peerDependencies } : {}),
    },
  };
  // Every package reachable from the site's dependencies, at the place this repository's tree has it.
  const queue: Array<[string, string]> = [
    ...names.map((name) => ["", name] as [string, string]),
    ...Object.keys({ ...plugin.dependencies, ...plugin.peerDependencies }).map((name) => ["", name] as [string, string]),
  ];
  while (queue.length > 0) {
    const [from, name] = queue.shift()!;
    const at = resolveIn(packages, from, name);
    if (at === undefined) continue; // an optional peer nobody installed
    if (out[at]) continue;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = packages[at]!;
    out[at] = entry;
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
