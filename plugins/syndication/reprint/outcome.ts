/** What the page stage leaves of each reprint, and the pages the site stage sees. */
import type { Values } from "./values.js";
import type { Reprint } from "../types.js";

/** A page of the site with the address Eleventy gave it (`false`: `permalink: false`). */
export interface AddressedPage {
  inputPath: string;
  url: string | false;
}

export interface PageOutcome {
  values: Values;
  title?: string;
  /** The original URL, where that field itself passed its rules. */
  originalUrl?: string;
  /** The reprint, where no rule found an error. */
  reprint?: Reprint;
  /** The body's links, where the publisher asks that every one be kept. */
  links?: string[];
}

/** Why a reprint's front matter cannot be read, and where the parser stopped (line and column from 1). */
export interface Unreadable {
  line?: number;
  column?: number;
  reason: string;
}
