import type { IndexedPassage } from '../index/index-model.js';
import type { AnalysedQuestion } from './question.js';
import type { RankedPassage } from './rank.js';

/** An option is met when the passage has at least half of its words. */
const MET = 0.5;
/**
 * A passage quoted for an option must also answer the question as a supporting citation does,
 * unless it has every word of an option of two words or more ("open to the public"): one shared
 * word ("market", "cloud") is too little to say it speaks to the option.
 */
const SUPPORTING_COVERAGE = 0.4;

function share(passage: IndexedPassage, option: readonly string[]): number {
  if (option.length === 0) return 0;
  return option.filter((t) => passage.termSet.has(t)).length / option.length;
}

/**
 * "Is it open to everyone or gated to X developers first?": when the first citation speaks to
 * one option more than the other, the best-ranked passage that speaks to the other (and not to the first) is
 * quoted beside it, so the asker sees what the sources say of both. Nothing is added when no
 * passage does, and the answer then quotes only what the sources say of the first.
 */
export function otherOption(question: AnalysedQuestion, ranked: readonly RankedPassage[], best: RankedPassage): RankedPassage | undefined {
  if (question.options.length !== 2) return undefined;
  const [a, b] = question.options as [string[], string[]];
  const [shareA, shareB] = [share(best.passage, a), share(best.passage, b)];
  if (shareA === shareB) return undefined;
  // The option the first citation speaks to more is its option; the other needs a passage of its own.
  const [other, chosen, metOther] = shareA > shareB ? [b, a, shareB] : [a, b, shareA];
  if (metOther === 1) return undefined;
  if (other.length === 0) return sameFigureElsewhere(question, ranked, best, chosen);
  return (
    ranked.find((r) => {
      if (r === best || r.passage.text === best.passage.text) return false;
      const speaks = share(r.passage, other);
      const relevant = r.coverage >= SUPPORTING_COVERAGE || (other.length >= 2 && speaks === 1);
      return relevant && speaks >= MET && speaks > metOther && share(r.passage, chosen) < MET;
    }) ?? sameFigureElsewhere(question, ranked, best, chosen)
  );
}

const FIGURE = /^\$?\d/;

/**
 * "Is the 2–3 weeks the public release, or when testing starts?": when the articles have no words
 * for the other option, an article that gives the question's figure for something other than the
 * first citation's option is what the sources say instead, and is quoted beside it. Its figure
 * must be the question's, and it must come from an article the first citation is not from.
 */
function sameFigureElsewhere(question: AnalysedQuestion, ranked: readonly RankedPassage[], best: RankedPassage, chosen: readonly string[]): RankedPassage | undefined {
  const figures = question.terms.filter((t) => t.known && !t.fromContext && !t.fromPrevious && FIGURE.test(t.term)).map((t) => t.term);
  if (figures.length === 0) return undefined;
  const words = chosen.filter((t) => !figures.includes(t));
  const sources = new Set(best.passage.locations.map((l) => l.source));
  return ranked.find(
    (r) =>
      r !== best &&
      r.coverage >= SUPPORTING_COVERAGE &&
      figures.every((f) => r.passage.termSet.has(f)) &&
      !r.passage.locations.some((l) => sources.has(l.source)) &&
      share(r.passage, words) < MET,
  );
}
