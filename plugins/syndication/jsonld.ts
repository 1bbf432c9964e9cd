import { jsonForScript } from "./escape.js";
import type { Reprint } from "./types.js";

/** The schema.org NewsArticle that tells machines what the page is a copy of. */
export function buildJsonLd(reprint: Reprint, headline: string | undefined): Record<string, unknown> {
  const organization = {
    "@type": "Organization",
    name: reprint.source.name,
    ...(reprint.source.url ? { url: reprint.source.url } : {}),
  };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    ...(headline ? { headline } : {}),
    isBasedOn: reprint.originalUrl,
    creditText: reprint.banner.text,
    ...(reprint.licence.url ? { license: reprint.licence.url } : {}),
    copyrightHolder: organization,
    sourceOrganization: organization,
    ...(reprint.copyright ? { copyrightNotice: reprint.copyright } : {}),
    ...(reprint.published ? { datePublished: reprint.published.iso } : {}),
    ...(reprint.authors.length > 0 ? { author: reprint.authors.map((name) => (name === reprint.source.name ? organization : { "@type": "Person", name })) } : {}),
    ...(reprint.expires ? { expires: reprint.expires.iso } : {}),
  };
}

/** The `<script>` element, safe to place in any HTML document. */
export function jsonLdScript(data: Record<string, unknown>): string {
  return `<script type="application/ld+json">\n${jsonForScript(data)}\n</script>`;
}
