/**
 * Typographic folding applied before tokenizing or comparing text.
 * Articles mix curly quotes, non-breaking hyphens and en dashes with their ASCII twins;
 * folding them lets "per‑token" match "per-token" and "2–3 weeks" match "2-3 weeks".
 * Only copies are folded: quotes are always cut from the raw file text.
 */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\uFF07]/g;
const DOUBLE_QUOTES = /[\u201C-\u201F\u2033\uFF02]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

const ASCII = /^[\x00-\x7F]*$/;

export function foldTypography(text: string): string {
  // Most text is plain ASCII, which folding leaves as it is.
  if (ASCII.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SPACES, ' ');
}

/** Lower-cased, folded, whitespace collapsed: the form used to compare quotes with expectations. */
export function normalizeForMatch(text: string): string {
  return foldTypography(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
