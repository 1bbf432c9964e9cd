import { lockRule } from "./lock-problems.js";

export default lockRule("lock-ci", "lock", {
  description:
    "A CI checkout is thrown away, so a CI build writes no lock: it passes with new reprints (saying what to commit) and fails on any other change to a committed address, unless the option `updateLockInCI` says the CI commits the lock back.",
  language: "json",
  fails: '// CI=true; the lock says /reprints/a/, the reprint is now at /reprints/2021/12/a/\n{ \"version\": 1, \"reprints\": { \"https://wire.example.com/a\": { \"url\": \"/reprints/a/\", \"file\": \"src/reprints/a.md\" } } }',
  passes: '// build locally, commit the lock it writes\n{ \"version\": 1, \"reprints\": { \"https://wire.example.com/a\": { \"url\": \"/reprints/2021/12/a/\", \"file\": \"src/reprints/a.md\", \"previousUrls\": [\"/reprints/a/\"] } } }',
});
