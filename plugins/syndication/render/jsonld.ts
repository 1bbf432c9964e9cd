import { jsonForScript } from "./escape.js";
import type { Person, Reprint } from "../types.js";

/** An author: the publisher itself (an agency byline), or a person with their institution. */
function author(person: Person, organization: Record<string, unknown>): Record<string, unknown> {
  if (person.name === organization.name && !person.affiliation) return organization;
  return {
    "@type": "Person",
    name: person.name,
    ...(person.affiliation ? { affiliation: { "@type": "Organization", name: person.affiliation } } : {}),
  };
}

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
    ...(reprint.authors.length > 0 ? { author: reprint.authors.map((person) => author(person, organization)) } : {}),
    ...(reprint.expires ? { expires: reprint.expires.iso } : {}),
  };
}

/** The `<script>` element, safe to place in any HTML document. */
export function jsonLdScript(data: Record<string, unknown>): string {
  return `<script type="application/ld+json">\n${jsonForScript(data)}\n</script>`;
}
