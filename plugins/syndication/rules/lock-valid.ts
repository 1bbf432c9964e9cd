import { lockRule } from "./lock-problems.js";

export default lockRule("lock-valid", "lock", {
  description:
    "The lock file is input like any other (hand-edited, merged, sent in pull requests): readable JSON of `{ version: 1, reprints: { <originalUrl>: { url, file, previousUrls? } } }`, each address a path on this site, no key twice. A lock with a problem is not used.",
  language: "json",
  fails: '{ "version": 1, "reprints": { "https://wire.example.com/a": { "url": "/../../etc/", "file": "src/reprints/a.md" } } }',
  passes: '{ "version": 1, "reprints": { "https://wire.example.com/a": { "url": "/reprints/a/", "file": "src/reprints/a.md" } } }',
});
