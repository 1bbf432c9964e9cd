import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// The command-line tests run the compiled binary (dist/cli.js), as `npx eleventy-syndication`
// does: compile it once before any test.
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
}
