import { editDistance } from '../text/edit-distance.js';
import { normalizeQuestionText } from '../questions/question-log.js';
import { STOP_WORDS } from '../text/stop-words.js';

/** "Who founded xAI?" and "When was xAI founded?" are different gaps: question words stay in the key. */
const QUESTION_WORDS = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'much', 'many']);

/**
 * "what is the price?", "What's the price" and "whats the prices" are one gap, not three: the
 * content and question words, lower-cased, plural s dropped and sorted, make the key.
 */
export function questionKey(question: string): string {
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu) ?? [];
  const content = words.map((w) => w.replace(/['’]s$/, '').replace(/^whats$/, 'what')).filter((w) => QUESTION_WORDS.has(w) || !STOP_WORDS.has(w));
  const stems = (content.length > 0 ? content : words).map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return [...new Set(stems)].sort().join(' ');
}

export interface QuestionGroup {
  /** The wording asked most often (the latest among equals). */
  question: string;
  count: number;
  /** Every distinct wording, most asked first. */
  wordings: string[];
}

const sortedLetters = (s: string) => [...s].sort().join('');

/**
 * Two letters swapped ("dose" / "does") is a typo; a letter more or less is not judged one,
 * since "funded" and "founded" are different questions.
 */
function swapped(a: string, b: string): boolean {
  return a.length === b.length && a.length >= 8 && a !== b && sortedLetters(a) === sortedLetters(b) && editDistance(a, b, 1) === 1;
}

/** Groups asked questions (each with how often it was asked) by near-identical wording, largest group first. */
export function groupQuestions(asked: readonly { question: string; count: number }[]): QuestionGroup[] {
  const groups: { key: string; text: string; wordings: Map<string, number> }[] = [];
  for (const { question, count } of asked) {
    const key = questionKey(question);
    const text = normalizeQuestionText(question);
    const group = groups.find((g) => g.key === key) ?? groups.find((g) => swapped(g.text, text));
    const target = group ?? { key, text, wordings: new Map<string, number>() };
    if (!group) groups.push(target);
    target.wordings.set(question, (target.wordings.get(question) ?? 0) + count);
  }
  return groups
    .map((g) => {
      const wordings = [...g.wordings].sort((a, b) => b[1] - a[1]);
      return { question: wordings[0]![0], count: wordings.reduce((n, [, c]) => n + c, 0), wordings: wordings.map(([w]) => w) };
    })
    .sort((a, b) => b.count - a.count);
}
