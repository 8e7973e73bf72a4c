import { currentModel } from './model.js';

/**
 * How much words the question carries but does not ask with count, as shares of a word's
 * weight: an everyday English word the articles never use ("total", "meeting"), a less common
 * one ("ballpark"), a lower-case word in no dictionary ("nah", "strat"), and a word of a clause that asks nothing (the reason for asking, thanks).
 * Fitted with the rest of the model by `npm run fit`.
 */
export const READING = {
  get commonWord() {
    return currentModel().reading.commonWord;
  },
  get knownWord() {
    return currentModel().reading.knownWord;
  },
  get oddWord() {
    return currentModel().reading.oddWord;
  },
  get contextClause() {
    return currentModel().reading.contextClause;
  },
};
