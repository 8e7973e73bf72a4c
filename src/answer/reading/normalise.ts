import { foldTypography } from '../../text/fold.js';

/** Chat spellings of question words, so "wen" asks "when". */
export const CHAT_SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/\bwen\b/g, 'when'],
  [/\b(wat|wut)\b/g, 'what'],
  [/\bhw\b/g, 'how'],
  [/\bwher\b/g, 'where'],
  [/\bwho'?s\b/g, 'who is'],
];

export function normalizeQuestion(question: string): string {
  let folded = foldTypography(question).toLowerCase();
  for (const [pattern, replacement] of CHAT_SPELLINGS) folded = folded.replace(pattern, replacement);
  return folded;
}

/** The first word of each sentence after the first, as written in lower case. */
export function sentenceOpeners(text: string): Set<string> {
  return new Set([...text.matchAll(/[.!?;:]\s+["'“‘(]*([\p{L}][\p{L}'’-]*)/gu)].map((m) => m[1]!.toLowerCase()));
}
