/**
 * The one table of a reprint's front-matter fields. From it come the check of the `syndication`
 * block's shape, the "did you mean" list and the names editors reach for, which fields are dates
 * (read again as written, since YAML rolls impossible dates over), and `import`'s flag for each.
 */
import { describe } from "./licences.js";
import { quote } from "../util/text.js";
import type { IndexingMode } from "../types.js";

export const INDEXING_MODES: readonly IndexingMode[] = ["canonical", "noindex", "both"];

/** What a field holds. `any` is checked by its own rule (licences). */
type Kind = "text" | "any" | "date" | "boolean" | "people" | "withdrawal" | "choice" | "paths" | "images" | "permission";

export interface Field {
  kind: Kind;
  /** How to write it, for a value of the wrong type. */
  how: string;
  /** What it holds, where that is not plain text: "must be <expected>, not a number". */
  expected?: string;
  /** Names editors write for it (lower case), suggested before spelling. */
  meant?: string[];
  /** `import`'s flag that gives it. */
  flag?: string;
  /** The keys an object of this field takes, for a key it does not: "date and note". */
  takes?: string;
  choices?: readonly string[];
}

export const FIELDS = {
  source: { kind: "text", how: "write the publisher's name, or the key of a publisher in the plugin's sources option", meant: ["publisher"], flag: "--source" },
  originalUrl: {
    kind: "text",
    how: "give the article's address on the publisher's site, starting with https://",
    meant: ["url", "link", "canonical", "canonicalurl", "original", "originalurl"],
    flag: "--url",
  },
  licence: { kind: "any", how: "use permission, public-domain, a Creative Commons SPDX id such as CC-BY-4.0, or { name, url }", flag: "--licence" },
  license: { kind: "any", how: "use permission, public-domain, a Creative Commons SPDX id such as CC-BY-4.0, or { name, url }" },
  published: { kind: "date", how: "write it as YYYY-MM-DD", meant: ["date"], flag: "--published" },
  expires: { kind: "date", how: "write it as YYYY-MM-DD", meant: ["expiry", "expiration"] },
  embargo: {
    kind: "date",
    how: "write the date and time with its zone, for example 2026-12-01T09:00:00-05:00, or 2026-12-01T14:00:00Z in UTC",
    meant: ["embargoed", "embargountil", "publishat", "releaseat"],
  },
  author: {
    kind: "people",
    how: "write a name, { name: Jane Doe, affiliation: University of Leeds }, or a list of these",
    expected: "a name, { name, affiliation } or a list of these",
    meant: ["authors", "byline"],
    takes: "name and affiliation",
    flag: '--author "Name (Institution)"',
  },
  sourceUrl: { kind: "text", how: "give the publisher's home page, starting with https://", flag: "--source-url" },
  copyright: { kind: "text", how: 'write the notice as text, for example "Copyright (c) 2021 RFE/RL, Inc."', flag: "--copyright" },
  withdrawn: {
    kind: "withdrawal",
    how: 'write true, or { date: 2024-05-01, note: "Withdrawn at the publisher\'s request." }',
    expected: "true, false or { date, note }",
    takes: "date and note",
  },
  indexing: { kind: "choice", how: `use one of ${INDEXING_MODES.join(", ")}`, choices: INDEXING_MODES },
  previousUrls: { kind: "paths", how: "list the addresses this reprint had on this site, such as [/reprints/old-name/]", expected: "a list of addresses" },
  excerpt: { kind: "boolean", how: "write true for an excerpt, or leave it out", expected: "true or false" },
  changes: { kind: "text", how: 'say in a sentence what was changed, for example "Dates changed to the day of publication here."' },
  digest: { kind: "text", how: "leave the digest the import command wrote, or remove the line" },
  pixel: { kind: "text", how: "give the address of the publisher's tracking image, starting with https://", flag: "--pixel" },
  images: {
    kind: "images",
    how: 'list each image of the body with its own rights: - { src: <its address>, credit: "Photographer/Agency", licence: CC-BY-4.0 } (or licence: permission)',
    expected: "a list of { src, credit, licence }",
    takes: "src, credit and licence",
    meant: ["image", "photos", "photographs", "imagerights"],
  },
  permission: {
    kind: "permission",
    how: 'write { by: "Jane Editor, Example Wire", date: 2021-12-10, reference: "email of 10 December 2021" }: who granted it, when, and the email or contract that says so',
    expected: "{ by, date, reference }",
    meant: ["permissionrecord", "grant", "granted", "grantedby", "permissions"],
    takes: "by, date and reference",
  },
} satisfies Record<string, Field>;

export type FieldName = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];
export const field = (name: string): Field | undefined => (Object.hasOwn(FIELDS, name) ? (FIELDS as Record<string, Field>)[name] : undefined);

/** The date fields of a `syndication` block, nested ones by their path. */
export const DATE_FIELDS = [...FIELD_NAMES.filter((name) => FIELDS[name].kind === "date"), "withdrawn.date", "permission.date"];

/** The value at a date field's path (`withdrawn.date`), if the block has one. */
export function valueAt(block: unknown, path: string): unknown {
  let value: unknown = block;
  for (const key of path.split(".")) value = value instanceof Object ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** The field an unknown name stands for: a name editors reach for, else undefined. */
export function meantField(name: string): string | undefined {
  const lower = name.toLowerCase();
  return FIELD_NAMES.find((known) => (FIELDS[known] as Field).meant?.includes(lower));
}

/** `import`'s flag for a field (`syndication.published` → `--published`). */
export const flagFor = (name: string): string | undefined => field(name)?.flag;

/** One way a value's shape is wrong, before its meaning is checked. */
export interface ShapeIssue {
  /** `unknown`: a key the plugin does not have; `type`: the wrong kind of value. */
  kind: "unknown" | "type";
  /** The key, and where it stands under (`withdrawn`, `author.0`), for an unknown key. */
  key: string;
  parent?: string;
  message?: string;
  fix?: string;
}

const isText = (value: unknown) => typeof value === "string" && value.trim() !== "";
const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);

/** A person: text, or { name, affiliation? } with both text; unknown keys are issues of their own. */
function personIssue(value: unknown, parent: string, issues: ShapeIssue[]): string | undefined {
  if (isText(value)) return undefined;
  if (!isPlainObject(value)) return "has an entry that is not a name or { name, affiliation }";
  const extra = Object.keys(value).filter((key) => key !== "name" && key !== "affiliation");
  if (!isText(value.name) || (value.affiliation !== undefined && !isText(value.affiliation))) {
    return "must have a name, and may have an affiliation (both text), and nothing else";
  }
  for (const key of extra) issues.push({ kind: "unknown", key, parent });
  return undefined;
}

/** What is wrong with one known field's value, if anything (its meaning aside). */
function valueIssue(name: FieldName, value: unknown, issues: ShapeIssue[]): string | undefined {
  const spec = FIELDS[name] as Field;
  const wrongType = `must be ${spec.expected ?? "text"}, not ${describe(value)}`;
  switch (spec.kind) {
    case "any":
    case "date":
      return undefined;
    case "text":
      return typeof value !== "string" ? wrongType : value.trim() === "" ? "is empty" : undefined;
    case "boolean":
      return typeof value === "boolean" ? undefined : wrongType;
    case "choice":
      return spec.choices!.includes(value as string) ? undefined : `${quote(value)} is not allowed`;
    case "paths":
      if (!Array.isArray(value)) return wrongType;
      return value.every(isText) ? undefined : "has an entry that is not an address";
    case "withdrawal":
      if (typeof value === "boolean") return undefined;
      if (!isPlainObject(value)) return wrongType;
      for (const key of Object.keys(value)) if (key !== "date" && key !== "note") issues.push({ kind: "unknown", key, parent: "withdrawn" });
      return value.note !== undefined && !isText(value.note) ? "has note that is not text" : undefined;
    case "images":
      if (!Array.isArray(value)) return wrongType;
      for (const [index, image] of value.entries()) {
        if (!isPlainObject(image) || !isText(image.src) || !isText(image.credit) || image.licence === undefined) {
          return "has an entry that is not { src, credit, licence }, each of them given";
        }
        for (const key of Object.keys(image)) if (!["src", "credit", "licence"].includes(key)) issues.push({ kind: "unknown", key, parent: `images.${index}` });
      }
      return undefined;
    case "permission":
      if (!isPlainObject(value)) return wrongType;
      for (const key of Object.keys(value)) if (!["by", "date", "reference"].includes(key)) issues.push({ kind: "unknown", key, parent: "permission" });
      if (!isText(value.by)) return "must say who granted it, in by (text)";
      return value.reference !== undefined && !isText(value.reference) ? "has reference that is not text" : undefined;
    case "people": {
      if (typeof value === "string") return value.trim() === "" ? "is empty" : undefined;
      if (Array.isArray(value)) {
        if (value.length === 0) return "is an empty list";
        for (const [index, person] of value.entries()) {
          if (personIssue(person, `author.${index}`, issues) !== undefined) return "has an entry that is not a name or { name, affiliation }";
        }
        return undefined;
      }
      if (isPlainObject(value)) return personIssue(value, "author", issues);
      return wrongType;
    }
  }
}

/** Every way the block's shape is wrong: unknown keys, values of the wrong kind. */
export function shapeIssues(block: Record<string, unknown>): ShapeIssue[] {
  const issues: ShapeIssue[] = [];
  for (const key of Object.keys(block)) {
    if (!field(key)) {
      issues.push({ kind: "unknown", key });
      continue;
    }
    const value = block[key];
    if (value === undefined) continue;
    const nested: ShapeIssue[] = [];
    const message = valueIssue(key as FieldName, value, nested);
    if (message !== undefined) {
      const spec = field(key)!;
      issues.push({ kind: "type", key, message, fix: spec.how });
    } else {
      issues.push(...nested);
    }
  }
  return issues;
}
