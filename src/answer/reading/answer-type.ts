import type { AnswerType } from '../../index/answer-features.js';

export const TYPE_PATTERNS: ReadonlyArray<[AnswerType, boolean, RegExp]> = [
  ['time', true, /\b(when|what time|which day|what day|what month|which month|what year|which year|how soon|how long|dates?|timeline|timeframe|timing|window|eta|schedule)\b/],
  ['quantity', true, /\b(how (many|much|big|large|huge|fast|expensive|cheap|small|large)|number of|by (what|which|how much of a) (factor|multiple|margin)|how many times|(what|which)('s| is| was| are| were)? (the )?([\p{L}-]+ )?(number|amount|count|size|scale|percentage|figure|price|cost|valuation|parameter count)\b)/u],
  ['entity', true, /\b(who|whom|whose|who's)\b|\b(which|what) (company|companies|firm|firms|person|people|investors?|organi[sz]ations?|partners?|backers?)\b/],
  // "Where does the data come from?" asks for a source, not a place.
  ['place', true, /\b(where\b(?!.*\bfrom\b)|what city|which city|what country|which country|what state|which state|located)\b/],
  ['quantity', false, /\b(size|scale|price|cost|amount|count|number|percentage|valuation|worth)\b/],
  ['sequence', true, /\b((what|which) ([\p{L}-]+ ){0,2}((happens|comes|is|follows) (after|next)|follows)|what's next|what next|after (that|this)|next step|then what)\b/u],
  ['reason', false, /\b(why|how come|what for|purpose|reason)\b|^what (is|was|are|were) .+ for\??$/],
  ['entity', false, /\b(which|what is the name|what's the name|called|named)\b/],
  // A bare "after" ("what did xAI do after the talks lapsed") may ask a sequence, or only date the
  // question; "which competitors is it going after" asks for names, so "which" is read first.
  ['sequence', false, /\bafter\b/u],
];

export function detectAnswerType(folded: string): { answerType: AnswerType; strictType: boolean } {
  const matched = TYPE_PATTERNS.find(([, , pattern]) => pattern.test(folded));
  // "What exact day does it go live" names no other cue for a time; "how many GPUs on the exact
  // day of launch" still asks how many.
  if (DAY_ASKED.test(folded) && !(matched && matched[1] && matched[0] !== 'time')) return { answerType: 'time', strictType: true };
  return matched ? { answerType: matched[0], strictType: matched[1] } : { answerType: 'any', strictType: false };
}

export const PRICE_QUESTION = /\bhow much (do|does|did|will|would|is|was|are|were|should|could)\b.*\b(cost|costs|charge|charges|pay|paid|priced)\b|\bhow expensive\b|\b(price|pricing|prices|price tag|subscription|fee|fees)\b/;
/**
 * "How much bigger", "by how much", "how much did the cost drop": the answer is a ratio or a
 * change ("three times", "40%", "1/35"), not an absolute figure, and not a price.
 */
export const RELATIVE = /\b(bigger|larger|smaller|faster|slower|cheaper|higher|lower|more|less|by how much|how many times|increase|increased|grow|grew|drop|dropped|drops|fall|fell|decrease|decreased|decline|declined|reduce|reduced|reduction|cut|save|saving|savings|change|changed|compared|than)\b/;

/** How a sequence question says "after": the answer type carries it. */
export const SEQUENCE_WORDS: ReadonlySet<string> = new Set(['follow', 'follows', 'followed', 'following', 'next', 'step', 'steps', 'phase', 'phases', 'stage', 'stages']);
/** "Why was it built?" asks the purpose of the thing: that it was built is given, not asked. */
export const MAKING_WORDS: ReadonlySet<string> = new Set(['build', 'built', 'building', 'design', 'designed', 'create', 'created', 'develop', 'developed', 'make', 'made', 'train', 'trained']);
export const TIME_SLOT = /\b(?:what|which) (day|days|month|year|week|date)\b/;
/**
 * "What day…", "the exact date", "a calendar day", "which date exactly": the question wants the
 * day itself. A month or "mid-June" does not answer it, however near it comes.
 */
export const DAY_ASKED = /\b(?:what|which) (?:exact |specific |actual )?(?:day|date)\b(?!-)|\b(?:exact|specific|precise|actual|calendar)\s+(?:[\p{L}-]+\s+)?(?:day|date)\b(?!-)|\b(?:day|date)\s+(?:exactly|specifically|precisely)\b/u;
export const STEP_SLOT = /\b(?:what|which) ([\p{L}-]+) (?:happens|comes|is|follows)\b/u;
