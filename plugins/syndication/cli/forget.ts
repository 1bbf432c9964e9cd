/** `eleventy-syndication forget`: drop lock entries of reprints that were never deployed. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { configOption, judgeSite, UsageError, type SiteFlags } from "./common.js";
import { forget, parseLock, serializeLock } from "../reprint/lock.js";
import { readText, writeWhole } from "../util/files.js";
import { displayPath } from "../util/paths.js";
import { quote, showable } from "../util/text.js";
import { formatReport } from "../report/format.js";

export function forgetCommand(program: Command): void {
  program
    .command("forget")
    .description("drop reprints from the lock file that were recorded by a local build but never deployed")
    .argument("<reprint...>", "each entry to drop, by its address (/reprints/2021/12/x/), original URL or file")
    .addOption(configOption())
    .addHelpText("after", "\nExample:\n  $ npx eleventy-syndication forget /reprints/2025/05/test/")
    .action(async (names: string[], flags: SiteFlags) => {
      // The lock the site's config names (the plugin's lockFile option).
      const lockFile = (await judgeSite(undefined, flags)).site.lockFile;
      if (!lockFile) throw new UsageError("the lock is off (lockFile: false in the options): there is nothing to forget");
      const shown = displayPath(lockFile);
      const text = readText(resolve(lockFile), shown);
      if (text === undefined) {
        console.error(showable(`eleventy-syndication: ${shown} does not exist: there is nothing to forget.`));
        process.exitCode = 1;
        return;
      }
      const { lock, problems } = parseLock(text, shown);
      if (!lock) {
        console.error(formatReport(problems.map((p) => ({ ...p, rule: "lock-valid" }))));
        process.exitCode = 1;
        return;
      }
      const { next, dropped, unmatched } = forget(lock, names);
      if (unmatched.length > 0) {
        // Nothing is dropped unless every name matched: a typo must not drop half of what was meant.
        for (const name of unmatched) console.error(showable(`eleventy-syndication: no entry of ${shown} has the address, original URL or file ${quote(name)}; nothing was dropped.`));
        process.exitCode = 1;
        return;
      }
      writeWhole(resolve(lockFile), serializeLock(next), {}, shown);
      for (const { original, entry } of dropped) {
        const redirects = entry.previousUrls?.length ? `, and its redirects from ${entry.previousUrls.join(", ")}` : "";
        console.log(showable(`${shown}: forgot ${entry.url} (${entry.file}, a reprint of ${original})${redirects}.`));
        if (existsSync(entry.file)) console.log(showable(`  ${entry.file} is still there: the next build records it again, at the address it has then.`));
      }
    });
}
