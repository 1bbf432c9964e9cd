import { lockRule } from "./lock-problems.js";

export default lockRule("address-kept", "permalink", {
  description:
    "A published reprint keeps its address: a build that would move one (a new file name, a new date, a new `permalink`), drop one (the file deleted) or take its page away (`permalink: false`) fails, and says how to move it with a redirect (`previousUrls`), withdraw it, or forget an address that was never deployed.",
  language: "yaml",
  fails: '# syndication.lock.json holds /reprints/2021/12/talks/ for this file, now renamed\n# src/reprints/talks-with-nato.md\nsyndication:\n  source: rferl\n  originalUrl: https://www.rferl.org/a/story/31609362.html\n  published: 2021-12-14',
  passes: '# src/reprints/talks-with-nato.md\nsyndication:\n  source: rferl\n  originalUrl: https://www.rferl.org/a/story/31609362.html\n  published: 2021-12-14\n  previousUrls: [/reprints/2021/12/talks/]',
});
