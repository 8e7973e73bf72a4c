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

/**
 * A chat message is read as a message: greetings, the reason for asking ("for the deck I'm
 * drafting"), thanks and sign-offs are clauses of their own that ask nothing. The clauses that
 * ask are the question; the others are context, which shades it but never decides it.
 */
export interface ReadMessage {
  /** The clauses that ask, joined: what the question is. */
  asking: string;
  /** The other clauses. */
  context: string[];
}

/** Between sentences, after a colon, around a spaced dash, at a line break. */
const CLAUSE_BREAK = /(?<=[.!?])\s+|:\s+|\s+[-–—]{1,2}\s+|\s*\n+\s*/u;
/** Openers that do not change whether a clause asks ("ok so", "quick q", "hey all,"). */
export const OPENER = /^(?:(?:hey|hi|hello|yo|ok|okay|so|and|but|also|quick q|quick question|btw|pls|please|kindly|sorry|um|hmm|wait|dear|all|team|folks|guys|everyone|bro|lol|ngl|tbh|honestly|just|real quick|one more)\b[\s,!.]*)+/i;
/** How a direct question or a request starts. */
const ASKING_START = /^(?:what|whats|what's|when|where|which|who|whom|whose|why|how|is|isn't|are|aren't|was|were|do|does|doesn't|did|didn't|can|could|will|would|should|has|have|had|any|anything|tell|explain|confirm|give|list|describe|summari[sz]e|share|show|clarify|define|compare|wen|wat|wut|u know|you know)\b/i;
/** "My manager wants to know when…", "I'm curious whether…": a question embedded in a statement. */
const EMBEDDED = /\b(?:know|wonder(?:ing)?|curious|ask(?:ing|ed)?|find out|figure out|tell (?:me|us)|understand|confirm|check|clarify|remind me)\b.*\b(?:what|when|where|which|who|why|how|if|whether)\b/i;

function asks(clause: string): boolean {
  if (/\?[\s\p{P}\p{S}]*$/u.test(clause)) return true;
  const opened = clause.replace(OPENER, '');
  return ASKING_START.test(opened) || EMBEDDED.test(opened);
}

/**
 * Words that can make up a whole clause that asks only whether something else is so: "Can
 * someone confirm?", "Is that right?", "true or not?". Such a clause has no content of its own.
 */
const CONFIRMING_WORD = /^(?:can|could|would|will|does|do|did|is|are|was|were|am|anyone|someone|somebody|anybody|pls|please|plz|you|u|i|i'm|im|we|me|us|help|confirm|verify|check|double|double-check|sanity|right|true|correct|accurate|legit|real|that|this|it|so|or|not|no|nah|yes|the|case|still|actually|really|say|says|said|thoughts|wrong|mistaken|off|on|about|that's|thats|it's|its|there|here|mix|mixed|up|what's|whats|what|lol|rn|fr|tho|though|anymore)$/i;

/** A clause that asks only whether something is so, of the claim before it. */
export function onlyConfirms(clause: string): boolean {
  const words = clause.replace(OPENER, '').toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  return words.length > 0 && words.every((w) => CONFIRMING_WORD.test(w.replace(/’/g, "'")));
}

export function readMessage(message: string): ReadMessage {
  const clauses = message.split(CLAUSE_BREAK).map((c) => c.trim()).filter((c) => /[\p{L}\p{N}]/u.test(c));
  // "My understanding is that xAI bought Cursor. Can someone confirm?": the claim is what is asked.
  // The confirming clause itself then adds nothing ("confirm" is not what is asked about).
  const pointsBack = (i: number) => i > 0 && onlyConfirms(clauses[i]!);
  const asking = clauses.filter((c, i) => (asks(c) && !pointsBack(i)) || (i + 1 < clauses.length && pointsBack(i + 1)));
  if (asking.length === 0 || asking.length === clauses.length) return { asking: message, context: [] };
  return { asking: asking.join(' '), context: clauses.filter((c) => !asking.includes(c)) };
}
