/**
 * An article's own question ("Why choose Cursor data?", "So, how did xAI secure the
 * resources…?"): it says what the next sentence answers, and answers nothing itself.
 */
const ENDS_ASKING = /\?["'”’)\]]*\s*$/u;

export function isQuestionSentence(text: string): boolean {
  return ENDS_ASKING.test(text);
}
