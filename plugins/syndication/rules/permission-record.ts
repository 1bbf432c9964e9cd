import { defineRule } from "./rule.js";
import type { PageContext } from "./context.js";

const HOW = 'write permission: { by: "Jane Editor, Example Wire", date: 2021-12-10, reference: "email of 10 December 2021" }';

export default defineRule<PageContext, "missing" | "notPermission">({
  id: "permission-record",
  stage: "page",
  severity: "error",
  on: "syndication.permission; publisher rule permissionRecord",
  field: "syndication.permission",
  messages: {
    missing: { absent: true, message: "is missing, and {source} asks that every permission be recorded: who granted it, when, and a reference", fix: HOW },
    notPermission: { message: "records a permission, but the licence is {licence}, which needs none", fix: "remove syndication.permission, or set licence: permission if the publisher gave it" },
  },
  docs: {
    description:
      "`permission` records who granted a `licence: permission`, when, and a reference (an email, a contract number); `report --permissions` lists the records. A publisher rule (`permissionRecord`) requires one; a record under another licence is a mistake.",
    fails: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: CC-BY-4.0\n  permission: { by: Jane Editor, date: 2021-12-10 }",
    passes: "syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  permission: { by: Jane Editor, date: 2021-12-10, reference: email of 10 December 2021 }",
  },
  check({ values }, report) {
    const result = values.licence.result;
    if (!result?.ok) return;
    const kind = result.licence.kind;
    if (values.raw.permission !== undefined && kind !== "permission") report({ messageId: "notPermission", data: { licence: result.licence.label } });
    const entry = values.entry;
    if (kind === "permission" && entry?.rules?.permissionRecord && values.raw.permission === undefined && !values.ended) report({ messageId: "missing", data: { source: entry.name ?? "the publisher" } });
  },
});
