import fc from "fast-check";

/**
 * How hard the property tests look. The normal suite runs a fixed number of cases from a fixed
 * seed, so a run is quick and a failure is the same failure on every machine. `npm run test:long`
 * (FC_RUNS=20000) looks much further; FC_SEED=random tries another part of the space each time.
 * fast-check prints the seed and the shrunk counterexample of a failure: replay it with FC_SEED.
 */
const runs = Number(process.env.FC_RUNS ?? 200);
const seedText = process.env.FC_SEED ?? "20261126";
const seed = seedText === "random" ? Date.now() ^ (Math.random() * 0x1_0000_0000) : Number(seedText);

if (!Number.isInteger(runs) || runs < 1) throw new Error(`FC_RUNS must be a positive whole number, not ${process.env.FC_RUNS}`);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be a whole number or "random", not ${seedText}`);

/** Parameters for `fc.assert`: `weight` scales the default count for cheaper or dearer properties. */
export function params<T>(weight = 1): fc.Parameters<T> {
  return { seed, numRuns: Math.max(1, Math.round(runs * weight)), endOnFailure: false };
}
