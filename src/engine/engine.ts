import { answerQuestion } from '../answer/answer.js';
import type { Answer, AnswerContext } from '../answer/schema.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import { buildIndex, type KnowledgeIndex } from '../index/build-index.js';
import { matchSuggestions, suggestQuestions } from '../suggestions/suggest-questions.js';
import type { SourceSummary } from './source-summary.js';

/** The core's one entry point for adapters: ask, list sources, suggest. Holds no platform knowledge. */
export interface Engine {
  answer(question: string, context?: AnswerContext): Answer;
  sources(): SourceSummary[];
  /** Questions the sources answer well; filtered by what has been typed, for autocomplete. */
  suggestions(typed?: string, limit?: number): string[];
  readonly index: KnowledgeIndex;
}

const NO_ANSWER_SUGGESTIONS = 3;

export function createEngineFromIndex(index: KnowledgeIndex): Engine {
  // Built once up front so no question pays for it.
  const suggested = suggestQuestions(index, (q) => answerQuestion(index, q));
  const allSuggestions = (): string[] => suggested;
  return {
    index,
    answer(question, context) {
      return answerQuestion(index, question, context, () => allSuggestions().slice(0, NO_ANSWER_SUGGESTIONS));
    },
    sources() {
      return index.articles.map((article) => ({
        source: article.source,
        file: article.file,
        title: article.title,
        publisher: article.publisher,
        published: article.published,
        url: article.url,
        passages: index.passages.filter((p) => p.locations.some((l) => l.source === article.source)).length,
      }));
    },
    suggestions(typed = '', limit = 25) {
      return matchSuggestions(allSuggestions(), typed, limit);
    },
  };
}

export async function createEngine(options: { corpusDir: string }): Promise<Engine> {
  return createEngineFromIndex(buildIndex(await loadCorpus(options.corpusDir)));
}
