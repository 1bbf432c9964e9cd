// Says which Eleventy releases the tests build with (this repository's lock) and whether npm has a
// newer 3.x or 4.0 prerelease: then update the devDependencies "@11ty/eleventy" and
// "eleventy-4-alpha" and the peer range together (README, "Developing"). Never fails CI.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import semver from "semver";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8")).packages;
const dev = JSON.parse(readFileSync("package.json", "utf8")).devDependencies;
const tested = Object.keys(dev)
  .filter((name) => name === "@11ty/eleventy" || dev[name].startsWith("npm:@11ty/eleventy@"))
  .map((name) => lock[`node_modules/${name}`].version)
  .sort(semver.compare);
console.log(`Eleventy releases tested: ${tested.join(", ")}`);
try {
  const published = JSON.parse(execFileSync("npm", ["view", "@11ty/eleventy", "versions", "--json"], { encoding: "utf8" }));
  const newest = {
    "3.x": semver.maxSatisfying(published, "^3.0.0"),
    "4.0 prerelease": semver.maxSatisfying(published, "~4.0.0-0", { includePrerelease: true }),
  };
  for (const [what, latest] of Object.entries(newest)) {
    if (latest && !tested.includes(latest)) console.log(`Notice: npm has Eleventy ${latest}, newer than the ${what} tested here.`);
  }
} catch {
  console.log("Notice: npm could not be asked for Eleventy's releases.");
}
