#!/usr/bin/env node
/**
 * eleventy-syndication: check, import and report on the reprints of an Eleventy site by running
 * its own Eleventy config up to the plugin's verdict (nothing is rendered or written), and forget
 * reprints in its lock that were never deployed. One file a command, in cli/.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { FileError } from "./util/files.js";
import { showable } from "./util/text.js";
import { RunError } from "./eleventy/run.js";
import { checkCommand } from "./cli/check.js";
import { importCommand } from "./cli/import.js";
import { reportCommand } from "./cli/report.js";
import { forgetCommand } from "./cli/forget.js";

const EXIT_CODES = `
Exit codes:
  0  done: check found no error, import wrote the reprint, report listed, forget dropped the entries
  1  problems: check found errors; import refused the text or the reprint; forget matched no entry;
     Eleventy stopped on the site (a data file that is not valid JSON, a layout it cannot read);
     a file cannot be read or written
  2  bad usage: an unknown command or option, a missing argument, a folder or file that does not
     exist, a config that does not add the plugin, an --out the command will not write to`;

// A reader that stops early (`check --format github | head -3`) closes the pipe: the rest of the
// output has nowhere to go, which is not an error of the command. Its exit status stays the verdict's.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

const program = new Command()
  .name("eleventy-syndication")
  .description("Check, import and report on the reprints of an Eleventy site with its own Eleventy config, without building it; forget reprints in its lock that were never deployed.")
  .version(version, "-v, --version", "print the version")
  .showHelpAfterError()
  .exitOverride()
  .addHelpText("after", `\nExample:\n  $ npx eleventy-syndication check\n${EXIT_CODES}`);
for (const add of [checkCommand, importCommand, reportCommand, forgetCommand]) add(program);
for (const command of program.commands) command.exitOverride().addHelpText("after", EXIT_CODES);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are not mistakes; anything else commander refuses is bad usage.
    process.exitCode = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof RunError) {
    console.error(showable(`eleventy-syndication: ${error.message}`));
    process.exitCode = error.code;
  } else if (error instanceof FileError) {
    // A file that cannot be read or written (a folder in its place, a full disk) stops the command: exit 1.
    console.error(showable(`eleventy-syndication: ${error.message}`));
    process.exitCode = 1;
  } else {
    // Anything else (a path that is not what it should be): one line that says what, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    console.error(showable(`eleventy-syndication: ${message}`));
    process.exitCode = 2;
  }
}
