import { lockRule } from "./lock-problems.js";

export default lockRule("redirect-free", "previousUrls", {
  description:
    "A declared move leaves a redirect page at the old address: that address must not be another page's.",
  language: "yaml",
  fails: '# /reprints/about/ is a page of the site\nsyndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  previousUrls: [/reprints/about/]',
  passes: 'syndication:\n  source: Example Wire\n  originalUrl: https://wire.example.com/a\n  licence: permission\n  previousUrls: [/reprints/old-name/]',
});
