import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import porter2 from 'wink-porter2-stemmer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWord } from '../../src/text/analyze.js';
import { synonymFolder } from '../../src/text/synonym-folder.js';
import { STEM_EXCEPTIONS, SYNONYM_GROUPS } from '../../src/text/synonyms.js';
import { tokenize } from '../../src/text/tokenize.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
const QUESTIONS = join(import.meta.dirname, '../data');

/** Every word the seeds, our question sets and the synonym lists contain, plus inflections of the group words. */
function vocabulary(): string[] {
  const words = new Set<string>();
  const texts = [
    ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8')),
    ...readdirSync(QUESTIONS).filter((f) => f.endsWith('.jsonl')).map((f) => readFileSync(join(QUESTIONS, f), 'utf8')),
  ];
  for (const text of texts) for (const t of tokenize(text)) if (t.kind === 'word') words.add(t.text);
  for (const word of SYNONYM_GROUPS.flat()) for (const suffix of ['', 's', 'es', 'ed', 'ing', 'er', 'ly', 'ation']) words.add(word + suffix);
  return [...words];
}

/** The folding as first written: every group word stemmed up front into one map, later groups winning. */
function eagerFolder(groups: readonly (readonly string[])[], stem: (w: string) => string): (key: string) => string | undefined {
  const canonical = new Map<string, string>();
  for (const group of groups) {
    const head = stem(group[0]!);
    for (const word of group) {
      canonical.set(word, head);
      canonical.set(stem(word), head);
    }
  }
  return (key) => canonical.get(key);
}

function eagerNormalize(): (word: string) => string {
  const fold = eagerFolder(SYNONYM_GROUPS, porter2);
  return (word) => STEM_EXCEPTIONS[word] ?? fold(word) ?? fold(porter2(word)) ?? porter2(word);
}

describe('synonym folder', () => {
  const words = vocabulary();

  it('rests on Porter2 keeping the first letter of every word', () => {
    // Not the first two: Porter2 stems "dying" to "die", which a two-letter bucket missed.
    expect(porter2('dying')).toBe('die');
    const changed = words.filter((w) => porter2(w).slice(0, 1) !== w.slice(0, 1));
    expect(words.length).toBeGreaterThan(2000);
    expect(changed).toEqual([]);
  });

  it('lets a later group win a key it shares with an earlier one, written or stemmed, for any groups', () => {
    // A toy stemmer that, like Porter2, keeps the first letter (and, like "dying" → "die", may
    // change the second); short words make collisions common.
    const toyStem = (w: string) => w.slice(0, 1) + w.slice(1).replace(/^y/, 'i').replace(/(s|ed|ing)$/, '');
    const word = fc.tuple(fc.constantFrom('ca', 'do', 'ba', 'dy', 'di'), fc.constantFrom('', 't', 'ts', 'ted', 'ting', 'g', 'gs')).map(([a, b]) => a + b);
    const groups = fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(groups, (gs) => {
        const fold = synonymFolder(gs, toyStem);
        const eager = eagerFolder(gs, toyStem);
        for (const w of new Set(gs.flat().flatMap((w) => [w, toyStem(w), `${w}s`]))) expect(fold(w)).toBe(eager(w));
      }),
      { numRuns: 500 },
    );
  });

  it('stems group words lazily yet folds every word exactly as stemming them all up front does', () => {
    const eager = eagerNormalize();
    const differing = words.filter((w) => normalizeWord(w) !== eager(w));
    expect(differing).toEqual([]);
  });
});
