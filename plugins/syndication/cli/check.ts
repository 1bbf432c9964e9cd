/** `eleventy-syndication check`: the build's verdict on every reprint, without building the site. */
import { Option, type Command } from "commander";
import { configOption, judgeSite, nowOption, type SiteFlags } from "./common.js";
import { formatReport, formatWarnings, githubAnnotation } from "../report/format.js";

export function checkCommand(program: Command): void {
  program
    .command("check")
    .description("check every reprint as the build does, running the site's own Eleventy config up to the verdict (nothing is rendered or written)")
    .argument("[input-dir]", "the site's input folder, as Eleventy's own command takes it (default: the config's)")
    .addOption(configOption())
    .addOption(new Option("--format <format>", "text, json (the findings) or github (GitHub Actions annotations)").choices(["text", "json", "github"]).default("text"))
    .addOption(nowOption())
    .addHelpText("after", "\nExamples:\n  $ npx eleventy-syndication check\n  $ npx eleventy-syndication check src --config eleventy.config.js --format github")
    .action(async (dir: string | undefined, flags: SiteFlags & { format: string }) => {
      const { findings, reprints } = await judgeSite(dir, flags);
      const errors = findings.filter((f) => f.severity === "error");
      if (flags.format === "json") {
        console.log(JSON.stringify({ reprints: reprints.length, findings }, null, 2));
      } else if (flags.format === "github") {
        for (const finding of findings) console.log(githubAnnotation(finding));
      } else {
        for (const line of formatWarnings(findings.filter((f) => f.severity === "warning"))) console.log(`eleventy-plugin-syndication: ${line}`);
        console.log(errors.length > 0 ? formatReport(errors) : `${reprints.length} reprint${reprints.length === 1 ? "" : "s"} checked: no problems.`);
      }
      process.exitCode = errors.length > 0 ? 1 : 0;
    });
}
