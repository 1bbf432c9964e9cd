// Eleventy 3 ships JSDoc, not TypeScript declarations: the little the tests use.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { quietMode?: boolean; configPath?: string | false; config?: (eleventyConfig: any) => void },
    );
    disableLogger(): void;
    /** Eleventy's ConsoleLogger: `overrideLogger` takes the console-like object it prints to. */
    logger: { overrideLogger(logger: Record<"log" | "warn" | "error" | "info", (text: unknown) => void> | false): void };
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }
}

// The official RSS plugin ships no declarations either; the demo config uses its feed plugin.
declare module "@11ty/eleventy-plugin-rss" {
  export const feedPlugin: (eleventyConfig: any, options: Record<string, unknown>) => void;
}
