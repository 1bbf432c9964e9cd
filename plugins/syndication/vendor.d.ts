// @11ty/eleventy-utils ships JavaScript only: the one function the command uses.
declare module "@11ty/eleventy-utils" {
  /** Eleventy's deep merge: objects merged key by key, arrays concatenated, the rest replaced. */
  export function Merge(target: object, ...sources: unknown[]): unknown;
}
