/**
 * The registry: every rule, one line a rule. Within a stage, rules run in this order (the lock's
 * verdict on addresses, for one, looks at whether the rules before it found errors).
 */
import type { AnyRule } from "./rule.js";
import syndicationObject from "./syndication-object.js";
import fieldKnown from "./field-known.js";
import fieldType from "./field-type.js";
import textPrintable from "./text-printable.js";
import sourceRequired from "./source-required.js";
import originalUrlRequired from "./original-url-required.js";
import urlValid from "./url-valid.js";
import licenceRequired from "./licence-required.js";
import licenceAlias from "./licence-alias.js";
import licenceKnown from "./licence-known.js";
import dateValid from "./date-valid.js";
import publishedForExpiry from "./published-for-expiry.js";
import expiresAfterPublished from "./expires-after-published.js";
import copyrightYear from "./copyright-year.js";
import previousUrlValid from "./previous-url-valid.js";
import digestValid from "./digest-valid.js";
import excerptAllowed from "./excerpt-allowed.js";
import authorAffiliation from "./author-affiliation.js";
import pixelRequired from "./pixel-required.js";
import noEdits from "./no-edits.js";
import templateTagClosed from "./template-tag-closed.js";
import addressFromFileName from "./address-from-file-name.js";
import frontMatterReadable from "./front-matter-readable.js";
import originalUrlUnique from "./original-url-unique.js";
import addressUnique from "./address-unique.js";
import lockValid from "./lock-valid.js";
import addressKept from "./address-kept.js";
import redirectFree from "./redirect-free.js";
import lockCi from "./lock-ci.js";
import lockWritable from "./lock-writable.js";
import lockPending from "./lock-pending.js";
import expiringSoon from "./expiring-soon.js";
import pixelKept from "./pixel-kept.js";
import linksKept from "./links-kept.js";
import bannerShown from "./banner-shown.js";
import noticeShown from "./notice-shown.js";
import embargoZone from "./embargo-zone.js";
import embargoPending from "./embargo-pending.js";
import embargoKept from "./embargo-kept.js";
import imageRights from "./image-rights.js";
import permissionRecord from "./permission-record.js";

export const RULES = [
  syndicationObject,
  fieldKnown,
  fieldType,
  textPrintable,
  sourceRequired,
  originalUrlRequired,
  urlValid,
  licenceRequired,
  licenceAlias,
  licenceKnown,
  permissionRecord,
  dateValid,
  embargoZone,
  publishedForExpiry,
  expiresAfterPublished,
  copyrightYear,
  previousUrlValid,
  digestValid,
  excerptAllowed,
  authorAffiliation,
  pixelRequired,
  imageRights,
  noEdits,
  templateTagClosed,
  addressFromFileName,
  frontMatterReadable,
  originalUrlUnique,
  addressUnique,
  lockValid,
  addressKept,
  redirectFree,
  lockCi,
  lockWritable,
  lockPending,
  expiringSoon,
  embargoPending,
  pixelKept,
  linksKept,
  bannerShown,
  noticeShown,
  embargoKept,
] as const satisfies readonly AnyRule[];

/** A rule's permanent id. */
export type RuleId = (typeof RULES)[number]["id"];
