/**
 * What a rule is: data about one check (its id, the stage where it runs, what turns it on, its
 * messages with ids, its documentation with a failing and a passing example) and the check
 * itself, which reports through its context (as eslint's rules do with `meta.messages` and
 * `context.report`).
 */
import type { Severity } from "../report/finding.js";

/**
 * `page`: one page's data, as Eleventy reads it; `site`: across pages and the lock, once every page
 * is read; `rendered`: a built page's HTML.
 */
export type Stage = "page" | "site" | "rendered";

/** A message and its fix, with `{name}` placeholders filled from the report's data. */
export interface Message {
  message: string;
  fix: string;
  /** The message is about a field that is not there (so no data file set it either). */
  absent?: true;
}

export interface RuleDocs {
  /** What the rule asks, in a sentence or two. */
  description: string;
  /** Front matter (or a lock, or a page) that breaks the rule. */
  fails: string;
  /** The same, mended. */
  passes: string;
  /** The language of the examples, for the documentation's code blocks. Default `yaml`. */
  language?: string;
}

export interface Report<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  /** The field, such as `syndication.source`; default the rule's own. */
  field?: string;
  /** Where it is, when the rule knows (else the field's line in the front matter is found). */
  file?: string;
  line?: number;
  column?: number;
  /** A severity other than the rule's default (a publisher's `noEdits: "error"`). */
  severity?: Severity;
}

export interface Rule<C, M extends string = string> {
  id: string;
  stage: Stage;
  severity: Severity;
  /** What turns it on: `always`, an option (`option lockFile`), or a publisher rule (`publisher rule pixel`). */
  on: string;
  /** The field it is about, unless a report names another. */
  field: string;
  messages: Record<M, Message>;
  docs: RuleDocs;
  check(context: C, report: (report: Report<M>) => void): void;
}

/** Any rule, for the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, string>;

/** A template with `{name}` placeholders, filled. A placeholder without data stays as written. */
export function fill(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

/** Define a rule, with its message ids checked against its messages. */
export const defineRule = <C, M extends string>(rule: Rule<C, M>): Rule<C, M> => rule;
