/** Lists of reprints for layouts and feeds, and the page that answers at a moved reprint's old address. */
import type { CollectionItem } from "./config.js";
import type { Reprint } from "../types.js";

/** The live reprints among some pages (collection items), newest original date first; undated ones last. */
export function liveReprints(reprintOf: (inputPath: string) => Reprint | undefined) {
  const time = (item: CollectionItem) => {
    const iso = reprintOf(item.inputPath)?.published?.iso;
    return iso ? Date.parse(iso) : -Infinity;
  };
  return (items: unknown): CollectionItem[] =>
    Array.isArray(items)
      ? (items as CollectionItem[])
          .filter((item) => item?.url !== false && reprintOf(item?.inputPath)?.status === "live")
          .sort((a, b) => time(b) - time(a) || a.inputPath.localeCompare(b.inputPath))
      : [];
}

/** The page that answers at a moved reprint's old address: works on any static host (and path prefix). */
export const REDIRECT_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved</title>
<meta http-equiv="refresh" content="0; url={{ redirect.to | url }}">
<link rel="canonical" href="{{ redirect.to | url }}">
<meta name="robots" content="noindex">
</head>
<body>
<p>This article has moved to <a href="{{ redirect.to | url }}">{{ redirect.to | url }}</a>.</p>
</body>
</html>
`;
