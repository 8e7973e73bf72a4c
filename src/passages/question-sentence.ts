/**
 * An article's own question ("Why choose Cursor data?", "So, how did xAI secure the
 * resources…?"): it says what the next sentence answers, and answers nothing itself. It must
 * ask in its own voice, opening as a question does: a sentence that reports one ("Musk posted:
 * 'Who wants early access?'", "Reporters still ask one thing: will the weights be published?")
 * states something, and is quoted like any other.
 */
const ENDS_ASKING = /\?["'”’)\]]*\s*$/u;
const OPENS_ASKING =
  /^[\s"'“‘*_#>-]*(?:q(?:uestion)?\s*\d*\s*[:.)-]\s*)?(?:(?:so|and|but|then|now|well|ok|okay)\s*,?\s+)?(?:why|what|what's|whats|when|where|which|who|whom|whose|how|is|isn't|are|aren't|was|wasn't|were|do|does|doesn't|did|didn't|can|can't|could|will|won't|would|should|has|have|had)\b/iu;

export function isQuestionSentence(text: string): boolean {
  return ENDS_ASKING.test(text) && OPENS_ASKING.test(text);
}
