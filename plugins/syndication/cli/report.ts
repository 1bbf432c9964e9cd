/** `eleventy-syndication report`: one row per reprint. */
import { Option, type Command } from "commander";
import { configOption, judgeSite, nowOption, parseNow, UsageError, type SiteFlags } from "./common.js";
import { formatTable, formatCsv, parseWithin, permissionRows, PERMISSION_COLUMNS } from "../report/table.js";
import { endOf } from "../reprint/dates.js";

export function reportCommand(program: Command): void {
  program
    .command("report")
    .description("one row per reprint: file, source, licence, original date, status, expiry, address")
    .argument("[input-dir]", "the site's input folder, as Eleventy's own command takes it (default: the config's)")
    .addOption(configOption())
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .option("--permissions", "list the reprints under licence: permission with their records: who granted it, when, and a reference")
    .option("--expiring <within>", "only live reprints whose right to be shown ends within this time: 30d, 2w, 3m or P30D")
    .addOption(nowOption())
    .addHelpText("after", "\nExamples:\n  $ npx eleventy-syndication report\n  $ npx eleventy-syndication report --expiring 30d --format csv > expiring.csv\n  $ npx eleventy-syndication report --permissions")
    .action(async (dir: string | undefined, flags: SiteFlags & { format: string; expiring?: string; permissions?: boolean }) => {
      const within = flags.expiring === undefined ? undefined : parseWithin(flags.expiring);
      if (flags.expiring !== undefined && within === undefined) throw new UsageError(`--expiring "${flags.expiring}" is not a length of time; write 30d, 2w, 3m or P30D`);
      let rows = (await judgeSite(dir, flags)).reprints;
      if (within !== undefined) {
        const limit = (parseNow(flags.now) ?? Date.now()) + within;
        rows = rows.filter((r) => r.status === "live" && r.expires !== "" && endOf({ iso: r.expires, formatted: "" }) <= limit);
      }
      if (flags.permissions) {
        const records = permissionRows(rows);
        if (flags.format === "json") console.log(JSON.stringify(records, null, 2));
        else if (flags.format === "csv") process.stdout.write(formatCsv(records, PERMISSION_COLUMNS));
        else console.log(formatTable(records, PERMISSION_COLUMNS));
        process.exitCode = 0;
        return;
      }
      if (flags.format === "json") console.log(JSON.stringify(rows, null, 2));
      else if (flags.format === "csv") process.stdout.write(formatCsv(rows));
      else console.log(formatTable(rows));
      process.exitCode = 0;
    });
}
