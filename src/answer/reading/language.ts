import type { KnowledgeIndex } from '../../index/index-model.js';
import { normalizeWord } from '../../text/analyze.js';
import { englishBand, nearestEnglish } from '../../text/english.js';
import { STOP_WORDS } from '../../text/stop-words.js';
import { tokenize } from '../../text/tokenize.js';
import { sentenceOpeners } from './normalise.js';

/**
 * Words of another language in a clause written partly in it: "grok v9 medium parameters ilan
 * po?", "kapan rilisnya sih v9-medium?", "raga ma il v8 small quanti parametri ha?". People
 * mix their own language with English in chat, and keep the thing asked about in English (the
 * product, "parameters", "Cursor"); the other language's words are its question words, particles
 * and fillers. In no English dictionary and not in the articles, they were each weighed as a
 * term the articles never mention, and such a message was refused with the right passage first;
 * now they are the refusal model's evidence of their own (decision.ts), not unknown words.
 *
 * Judged by the clause, not by word lists of each language: of the words the articles don't use
 * that it writes in lower case (or with the capital that begins a sentence), at least two
 * different ones are neither English nor a misspelling of an English word, and they outnumber
 * the English function words ("the", "of", "is", "what"). A message in another language has its
 * own function words in place of English ones; an English message keeps its own, so its slang
 * ("cap or nah", "lol") and the terms the articles never mention ("whats the capital of australia
 * lol", "CUDA OOM on a 4090 doing qlora") stay English words and weigh as they do, a term in
 * particular in full.
 */
export function otherLanguageWords(text: string, index: KnowledgeIndex): ReadonlySet<string> {
  const tokens = tokenize(text);
  const openers = sentenceOpeners(text);
  const foreign = new Set<string>();
  const rareEnglish: string[] = [];
  let functionWords = 0;
  for (const [i, t] of tokens.entries()) {
    if (t.kind !== 'word' || t.text.length < 2 || index.documentFrequency.has(normalizeWord(t.text))) continue;
    // A capital is a name's, except where a sentence or the message begins.
    if (t.capitalized && i > 0 && !openers.has(t.text)) continue;
    if (STOP_WORDS.has(t.text)) functionWords++;
    const band = englishBand(t.text);
    if (band === 0 && nearestEnglish(t.text) === undefined) foreign.add(t.text);
    if (band === 2) rareEnglish.push(t.text);
  }
  if (foreign.size < MIN_WORDS || foreign.size <= functionWords) return NONE;
  // In such a clause a rare English word is as likely the other language's ("sa", "na", "kan"):
  // counted as English for the judgement above, weighed as the other language's.
  for (const w of rareEnglish) foreign.add(w);
  return foreign;
}

const MIN_WORDS = 2;
const NONE: ReadonlySet<string> = new Set();
