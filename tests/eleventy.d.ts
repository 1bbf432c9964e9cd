// Eleventy 3 ships JSDoc, not TypeScript declarations: the little the tests use.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { quietMode?: boolean; configPath?: string | false; config?: (eleventyConfig: any) => void },
    );
    disableLogger(): void;
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }
}
