// Child process of tests/integration/size.test.ts: build one site with the plugin and report the
// process's peak memory (resident set size), so the test can hold it to a bound.
import Eleventy from "@11ty/eleventy";
import syndication, { SyndicationError } from "../plugins/syndication/index.js";

const [input, output, lockFile] = process.argv.slice(2) as [string, string, string];
const elev = new Eleventy(input, output, {
  quietMode: true,
  configPath: false,
  config(eleventyConfig: any) {
    // The lock is new, so the build writes it, under CI too (where a build writes no lock by default).
    eleventyConfig.addPlugin(syndication, { lockFile, updateLockInCI: true });
  },
});
elev.disableLogger();
try {
  await elev.write();
} catch (error) {
  console.error(error instanceof SyndicationError ? error.report : error);
  process.exit(1);
}
// maxRSS is in kilobytes.
console.log(JSON.stringify({ peakRss: process.resourceUsage().maxRSS * 1024 }));
