import type { IndexedPassage, KnowledgeIndex } from '../index/index-model.js';
import { analyze } from '../text/analyze.js';
import type { Answer } from '../answer/schema.js';

/**
 * Questions the corpus answers well, derived from the articles rather than written by hand, so
 * they stay right as articles come and go: one per "Label: value" line and one per name that
 * several passages mention. Each candidate is kept only if the engine answers it with the
 * passage it was made from (labels) or at all (names).
 *
 * Worked out once, when the index is built, and saved with it. Checking a candidate means
 * answering it, so the cost is bounded whatever the corpus size: names are counted over an
 * even sample of passages, and at most MAX_CANDIDATES of each kind are checked. A corpus of a
 * few articles (the seeds) fits inside every bound and keeps its full list.
 */
const MAX_CANDIDATES = 40;
const NAME_SAMPLE = 20_000;
const MAX_LABELS_READ = 2_000;
const MAX_LABEL_WORDS = 3;
const ORDINAL = /\b(one|two|three|four|five|first|second|third|and|card|level)\b/i;
const MIN_NAME_PASSAGES = 2;
const WEEKDAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?$/;

/** Headlines read to name the story: enough to find the name most of them share, at any corpus size. */
const HEADLINE_SAMPLE = 2_000;

function subjectName(index: KnowledgeIndex): string {
  const runs = new Map<string, { text: string; count: number }>();
  for (const article of evenSample(index.articles, HEADLINE_SAMPLE)) {
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0) {
        const key = analyze(run.join(' ')).map((t) => t.term).join(' ');
        const entry = runs.get(key) ?? { text: run.join(' '), count: 0 };
        entry.count++;
        runs.set(key, entry);
      }
      run = [];
    };
    for (const word of article.title.split(/\s+/)) {
      const clean = word.replace(/[^\p{L}\p{N}-]+$/u, '').replace(/'s$/, '');
      const terms = analyze(clean);
      if (terms.length > 0 && terms.every((t) => index.subjectTerms.has(t.term))) run.push(clean);
      else flush();
    }
    flush();
  }
  const best = [...runs.values()].sort((a, b) => b.count - a.count || b.text.length - a.text.length)[0];
  return best?.text ?? 'it';
}

/** At most `limit` items, spread evenly over the list (all of them when it is short). */
function evenSample<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  return Array.from({ length: limit }, (_, i) => items[Math.floor((i * items.length) / limit)]!);
}

function labelQuestions(index: KnowledgeIndex, subject: string, from: readonly IndexedPassage[] = index.passages): { question: string; passageId: number }[] {
  const labels = from.filter((p) => p.kind === 'label');
  return evenSample(labels, MAX_LABELS_READ).flatMap((p) => {
    if (p.kind !== 'label') return [];
    const label = p.text.slice(0, p.text.indexOf(':')).replace(/^[-•*\s]+/, '').trim();
    const words = label.split(/\s+/);
    if (words.length > MAX_LABEL_WORDS || !/^[\p{L} '-]+$/u.test(label) || ORDINAL.test(label) || /^(part|step|the)\b/i.test(label)) return [];
    // A label whose value only names the story ("Model Name: Grok V9 Medium") answers nothing.
    const value = analyze(p.text.slice(p.text.indexOf(':') + 1));
    if (value.every((t) => index.subjectTerms.has(t.term))) return [];
    const phrase = label.toLowerCase();
    const verb = /s$/.test(words[words.length - 1]!) ? 'are' : 'is';
    return [{ question: `What ${verb} the ${phrase} of ${subject}?`, passageId: p.id }];
  });
}

function nameQuestions(index: KnowledgeIndex, subject: string): string[] {
  const display = new Map<string, { text: string; passages: number }>();
  // Names repeat across passages: each distinct one is analysed once.
  const analysed = new Map<string, ReturnType<typeof analyze>>();
  for (const p of evenSample(index.passages, NAME_SAMPLE)) {
    for (const match of p.text.matchAll(/\b\p{Lu}[\p{L}\p{N}]+(?:\s\p{Lu}[\p{L}\p{N}]+)*/gu)) {
      let terms = analysed.get(match[0]);
      if (!terms) analysed.set(match[0], (terms = analyze(match[0])));
      if (terms.length === 0 || terms.length > 3) continue;
      if (!terms.every((t) => index.entities.has(t.term) && !index.subjectTerms.has(t.term))) continue;
      const key = terms.map((t) => t.term).join(' ');
      const entry = display.get(key) ?? { text: match[0], passages: 0 };
      entry.passages++;
      display.set(key, entry);
    }
  }
  return [...display.values()]
    // Bare acronyms ("AI", "GPU") are vocabulary, not players in the story.
    // Nor are days of the week, written with a capital in every article.
    .filter((e) => e.passages >= MIN_NAME_PASSAGES && !/^\p{Lu}{1,3}$/u.test(e.text) && !WEEKDAY.test(e.text))
    .sort((a, b) => b.passages - a.passages)
    .map((e) => `What does ${e.text} have to do with ${subject}?`);
}

/** Label questions the engine answers with the very passage they were made from. */
function answeredByTheirPassage(index: KnowledgeIndex, answer: (q: string) => Answer, candidates: { question: string; passageId: number }[]): string[] {
  return candidates
    .filter(({ question, passageId }) => {
      const result = answer(question);
      const first = result.citations[0];
      const passage = index.passages[passageId]!;
      return result.status === 'answered' && first !== undefined && passage.locations.some((l) => l.source === first.source && l.start === first.start);
    })
    .map(({ question }) => question);
}

/**
 * After an incremental add (add-articles.ts): the saved suggestions, then those the new
 * passages' labels make, checked as a build checks them; bounded as a build's list is.
 */
export function extendSuggestions(index: KnowledgeIndex, answer: (q: string) => Answer, added: readonly IndexedPassage[]): string[] {
  const fresh = answeredByTheirPassage(index, answer, evenSample(labelQuestions(index, subjectName(index), added), MAX_CANDIDATES));
  return [...new Set([...index.suggestions, ...fresh])].slice(0, 2 * MAX_CANDIDATES);
}

export function suggestQuestions(index: KnowledgeIndex, answer: (q: string) => Answer): string[] {
  const subject = subjectName(index);
  const fromLabels = answeredByTheirPassage(index, answer, evenSample(labelQuestions(index, subject), MAX_CANDIDATES));
  const fromNames = nameQuestions(index, subject).slice(0, MAX_CANDIDATES).filter((q) => answer(q).status === 'answered');
  // Interleave so the first few cover both facts and names.
  const out: string[] = [];
  for (let i = 0; i < Math.max(fromLabels.length, fromNames.length); i++) {
    if (fromLabels[i]) out.push(fromLabels[i]!);
    if (fromNames[i]) out.push(fromNames[i]!);
  }
  return [...new Set(out)];
}

/** Autocomplete: suggestions containing every word typed so far (the last one as a prefix). */
export function matchSuggestions(all: readonly string[], typed: string, limit: number): string[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return all.slice(0, limit);
  const last = words.pop()!;
  return all
    .filter((s) => {
      const lower = s.toLowerCase();
      const tokens = lower.split(/[^\p{L}\p{N}]+/u);
      return words.every((w) => lower.includes(w)) && tokens.some((t) => t.startsWith(last));
    })
    .slice(0, limit);
}
