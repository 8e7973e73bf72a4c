import { otherOption } from './option-citations.js';
import type { KnowledgeIndex, IndexedPassage } from '../index/index-model.js';
import type { DetectedConflict } from '../conflicts/detect-conflicts.js';
import { isQuestionSentence } from '../passages/question-sentence.js';
import { introducedPassages, isLeadIn } from './lead-in.js';
import { refusalFeatures, shouldAnswer } from './model/decision.js';
import { analyseQuestion, saysItFollowsOn, type AnalysedQuestion } from './question.js';
import { rankPassages, type RankedPassage } from './rank.js';
import type { Answer, AnswerContext, Citation, Conflict } from './schema.js';
import { cleanQuestion } from './validate-question.js';

/** Further citations must still be about the question, if less squarely. */
const MIN_SUPPORTING_COVERAGE = 0.4;
const MAX_CITATIONS = 3;

export const NO_ANSWER_TEXT = "That isn't in my sources — the articles I have don't say.";
/** "and?", "what about?" with no question before it: nothing to look up, which is not the sources' gap. */
export const NOTHING_TO_FOLLOW_TEXT = "That follows up on a question, and there isn't one before it — ask the whole question.";
const BARE_FOLLOW_UP = /^\W*(?:and|but|also|so|what about|how about|and then|then)\b/i;

/** Other articles listed by name under a citation; `reportedBy` counts them all. */
const MAX_ALSO_IN = 10;

export function toCitation(index: KnowledgeIndex, passage: IndexedPassage, n: number): Citation {
  const [quoted, ...others] = passage.locations;
  const article = index.articleBySource.get(quoted!.source)!;
  const seen = new Set([quoted!.source]);
  const alsoIn: Citation['alsoIn'] = [];
  for (const l of others) {
    if (alsoIn.length >= MAX_ALSO_IN) break;
    if (seen.has(l.source)) continue;
    seen.add(l.source);
    alsoIn.push({ source: l.source, title: index.articleBySource.get(l.source)!.title, start: l.start, end: l.end });
  }
  return {
    n,
    source: article.source,
    title: article.title,
    publisher: article.publisher ?? null,
    published: article.published ?? null,
    url: article.url ?? null,
    quote: quoted!.text,
    display: quoted!.display ?? quoted!.text,
    start: quoted!.start,
    end: quoted!.end,
    alsoIn,
    reportedBy: passage.sources.length,
  };
}

function noAnswer(question: string, index: KnowledgeIndex, suggestions: string[]): Answer {
  return {
    question,
    status: 'no_answer',
    text: NO_ANSWER_TEXT,
    citations: [],
    conflicts: [],
    suggestions,
    sourceCount: index.articles.length,
  };
}

/** Citations in order, pulling in the other side of any disagreement that the chosen passages are part of. */
function chooseCitations(ranked: RankedPassage[], index: KnowledgeIndex, leading = 1): {
  passages: IndexedPassage[];
  conflicts: DetectedConflict[];
} {
  // The first is the one the model chose to answer with, whatever its coverage (and the passage on
  // the other option offered, when there is one); the rest must support it.
  // An article's own question states nothing (its answer, the sentence after it, carries its words).
  const eligible = ranked.filter((r, i) => (i < leading || r.coverage >= MIN_SUPPORTING_COVERAGE) && !isQuestionSentence(r.passage.text));
  const chosen: IndexedPassage[] = [];
  const conflicts: DetectedConflict[] = [];
  for (const r of eligible) {
    if (chosen.length >= MAX_CITATIONS) break;
    if (!chosen.includes(r.passage)) chosen.push(r.passage);
    for (const conflict of index.conflictsByPassage.get(r.passage.id) ?? []) {
      const ids = conflict.claims.map((c) => c.passageId);
      if (conflicts.includes(conflict)) continue;
      conflicts.push(conflict);
      for (const id of ids) {
        const other = index.passages[id]!;
        if (!chosen.includes(other)) chosen.splice(Math.min(chosen.length, chosen.indexOf(r.passage) + 1), 0, other);
      }
    }
  }
  return { passages: chosen.slice(0, MAX_CITATIONS), conflicts };
}

function describeConflicts(conflicts: DetectedConflict[], citations: Citation[], passages: IndexedPassage[]): Conflict[] {
  return conflicts.flatMap((conflict) => {
    const sides = conflict.claims.flatMap((claim) => {
      const at = passages.findIndex((p) => p.id === claim.passageId);
      return at === -1 ? [] : [{ n: citations[at]!.n, value: claim.value, source: citations[at]!.source }];
    });
    return sides.length >= 2 ? [{ about: conflict.about.join(' '), sides }] : [];
  });
}

/**
 * A passage that only repeats the question ("Model Name: Grok V9 Medium") answers nothing,
 * however well it matches, unless it introduces a list, which is quoted with its items.
 */
export function onlyEchoes(r: RankedPassage, question: AnalysedQuestion): boolean {
  return r.features?.echo === 1 && r.features.leadIn !== 1 && !question.yesNo;
}

/**
 * Whether a candidate may be the first citation. A missing name or an unmet answer type is
 * evidence the fitted model weighs (missingName, typeMissing), not a rule: the fit learned when
 * "how many" is met in words, or a name stands in the sentence before.
 */
export function canLead(r: RankedPassage, question: AnalysedQuestion): boolean {
  return r.features !== undefined && !onlyEchoes(r, question) && !isQuestionSentence(r.passage.text);
}

export function answerQuestion(
  index: KnowledgeIndex,
  rawQuestion: string,
  context: AnswerContext = {},
  suggestions: () => string[] = () => [],
): Answer {
  const question = cleanQuestion(rawQuestion);
  // "Where was the briefing held?" after "How many Megapacks…?": short, but it names its own subject
  // and says nothing of following on, so it is answered as it stands when it can be; only then is
  // it read through the question before.
  if (context.previous && !saysItFollowsOn(question)) {
    const alone = answerQuestion(index, rawQuestion);
    if (alone.status === 'answered') return alone;
  }
  const analysed = analyseQuestion(question, index, context.previous ? cleanQuestion(context.previous) : undefined);
  if (!context.previous && analysed.terms.length === 0 && BARE_FOLLOW_UP.test(question)) return { ...noAnswer(question, index, suggestions()), text: NOTHING_TO_FOLLOW_TEXT };

  const ranked = rankPassages(analysed, index);
  const best = ranked.find((r) => canLead(r, analysed));
  if (!best || !shouldAnswer(refusalFeatures(analysed, ranked, best))) return noAnswer(question, index, suggestions());

  const option = otherOption(analysed, ranked, best);
  const ordered = [best, ...(option ? [option] : []), ...ranked.filter((r) => r !== best && r !== option)];
  const introduced = isLeadIn(best.passage) ? introducedPassages(index, best.passage, analysed.terms, MAX_CITATIONS - 1) : [];
  const { passages, conflicts } = introduced.length > 0 ? { passages: [best.passage, ...introduced], conflicts: [] } : chooseCitations(ordered, index, option ? 2 : 1);
  const citations = passages.map((p, i) => toCitation(index, p, i + 1));
  const described = describeConflicts(conflicts, citations, passages);
  const shown =
    introduced.length > 0
      ? citations
      : described.length > 0
        ? // The passage chosen to answer leads, then both sides: a [#1] listed but never in the text reads as a mistake.
          citations.filter((c) => c.n === 1 || described.some((d) => d.sides.some((s) => s.n === c.n)))
        : citations.slice(0, option && passages[1] === option.passage ? 2 : 1);
  return {
    question,
    status: 'answered',
    text: shown.map((c) => `${c.display} [#${c.n}]`).join(' '),
    citations,
    conflicts: described,
    suggestions: [],
    sourceCount: index.articles.length,
  };
}
