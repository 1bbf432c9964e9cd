// Writes docs/rules.md from the rule registry: `npm run docs:rules`. A test fails when the committed file is stale.
import { writeFileSync } from "node:fs";
import { rulesMarkdown } from "../plugins/syndication/rules/docs.js";

writeFileSync(new URL("../docs/rules.md", import.meta.url), rulesMarkdown());
