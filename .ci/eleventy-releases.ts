// Says which Eleventy releases the tests build with (this repository's lock) and whether npm has a
// newer 3.x or 4.0 prerelease: then update the devDependency "@11ty/eleventy" or the alias
// "eleventy-4-alpha", and the peer range, together (README, "Developing"). Never fails CI.
import { execFileSync } from "node:child_process";
import semver from "semver";
import { eleventyReleases } from "../tests/consumer.js";

const tested = eleventyReleases().map((release) => release.version);
console.log(`Eleventy releases tested: ${tested.join(", ")}`);
try {
  const published = JSON.parse(execFileSync("npm", ["view", "@11ty/eleventy", "versions", "--json"], { encoding: "utf8" })) as string[];
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
