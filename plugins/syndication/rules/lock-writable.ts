import { lockRule } from "./lock-problems.js";

export default lockRule("lock-writable", "lock", {
  description:
    "A build that would change the lock checks, before any page is written, that it can write it (not a folder, not read-only).",
  language: "text",
  fails: '# syndication.lock.json is a folder, or read-only',
  passes: '# syndication.lock.json is a writable file (or absent, in a writable folder)',
});
