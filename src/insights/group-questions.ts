import { editDistance } from '../text/edit-distance.js';
import { STOP_WORDS } from '../text/stop-words.js';

/**
 * "what is the price?", "What's the price" and "whats the prices" are one gap, not three: the
 * content words, lower-cased, plural s dropped and sorted, make the key.
 */
export function questionKey(question: string): string {
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu) ?? [];
  const content = words.map((w) => w.replace(/['’]s$/, '')).filter((w) => !STOP_WORDS.has(w));
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

/** Keys this close are typos of each other ("paramters" / "parameters"). */
function near(a: string, b: string): boolean {
  const max = Math.min(a.length, b.length) >= 12 ? 2 : Math.min(a.length, b.length) >= 6 ? 1 : 0;
  return max > 0 && editDistance(a, b, max) <= max;
}

/** Groups asked questions (each with how often it was asked) by near-identical wording, largest group first. */
export function groupQuestions(asked: readonly { question: string; count: number }[]): QuestionGroup[] {
  const groups: { key: string; wordings: Map<string, number> }[] = [];
  for (const { question, count } of asked) {
    const key = questionKey(question);
    const group = groups.find((g) => g.key === key) ?? groups.find((g) => near(g.key, key));
    const target = group ?? { key, wordings: new Map<string, number>() };
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
