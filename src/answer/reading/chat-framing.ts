/**
 * "…according to the English article", "…as the sources report": where an answer should come
 * from, not what it should say. Dropped before the question is read.
 */
// These patterns avoid the 'iu' flag pair: a case-insensitive Unicode regex takes milliseconds to
// compile, which a one-shot `grok-facts ask` would pay on every run.
export const PROVENANCE = /\s*,?\s*\b(according to|as reported (by|in)|as per|per|in|from)\s+(the\s+)?([^\s,.;:!?]+\s+){0,3}(article|articles|coverage|source|sources|report|reports|piece|story|stories|outlet|press)\b.*$/i;

/** "@grok-facts", "in this context": who the question is addressed to, or where it stands; not what it asks. */
export const ADDRESSING = /(^|\s)@[^\s,;!?]+|\s*,?\s*\bin (this|that|the) (context|case)\b|\b(is it|is this|is that) (true|correct|right|accurate)( that)?\b|\b(true or false|fact[- ]check)\b:?|\b(in (plain|simple|short|layman'?s?) (terms|english|words)|in a nutshell|in short)\b,?/gi;

/** "The two models", "both companies": a count that points back at things named, not a figure asked about. */
export const POINTING_COUNT = /\b(the|these|those) (two|three|both)\b/gi;

export function stripProvenance(question: string): string {
  const stripped = question.replace(ADDRESSING, ' ').replace(POINTING_COUNT, '$1').replace(PROVENANCE, '').trim();
  return /[\p{L}\p{N}]/u.test(stripped) ? stripped : question;
}
