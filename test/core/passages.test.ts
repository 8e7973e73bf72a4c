import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { collapseDuplicates } from '../../src/passages/collapse-duplicates.js';
import { extractPassages } from '../../src/passages/extract-passages.js';
import { splitSentences } from '../../src/passages/split-sentences.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Article } from '../../src/corpus/schema.js';
import { SEEDS_DIR } from '../helpers/engine.js';

const articles = await loadCorpus(SEEDS_DIR);
const index = buildIndex(articles);
const raw = new Map(articles.map((a) => [a.source, a.rawText]));

function article(source: string, rawText: string): Article {
  return { source, file: `${source}.txt`, rawText, title: source, hash: source };
}

describe('passages', () => {
  it('slice exactly out of the raw file at every location', () => {
    let locations = 0;
    for (const passage of index.passages) {
      expect(raw.get(passage.locations[0]!.source)!.slice(passage.locations[0]!.start, passage.locations[0]!.end)).toBe(passage.text);
      for (const l of passage.locations) {
        expect(raw.get(l.source)!.slice(l.start, l.end)).toBe(l.text);
        locations++;
      }
    }
    expect(locations).toBeGreaterThan(index.passages.length);
  });

  it('leave page furniture out of the index', () => {
    const texts = index.passages.map((p) => p.text);
    for (const furniture of ['Loading comments', '0 comments', 'Use this topic as a starting point', 'Studio Global AI', '05/26 2026', 'The image depicts', 'Global Outpost ·', 'Glossary']) {
      expect(texts.filter((t) => t.includes(furniture)), furniture).toEqual([]);
    }
    expect(texts).not.toContain('358');
    expect(texts).not.toContain('Comments');
  });

  it('keep reference markers inside their sentence', () => {
    const withMarkers = index.passages.find((p) => p.text.includes('[17, 21, 27]'))!;
    expect(withMarkers.text).toMatch(/^This 1\.5 trillion parameter model .*IPO in June \[17, 21, 27\]\.$/);
  });

  it('keep a label line whole', () => {
    expect(index.passages.map((p) => p.text)).toContain(
      'Release time: Expected to be open to the public within 2 to 3 weeks, and is likely to be officially launched in mid June',
    );
  });

  it('do not break abbreviations, initials or figures', () => {
    const text = 'Dr. J. Smith of the U.S. said $12.5 billion went to the 1.5T model on May 25, 2026. The v8-small model is older! Is it? yes.';
    const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual([
      'Dr. J. Smith of the U.S. said $12.5 billion went to the 1.5T model on May 25, 2026.',
      'The v8-small model is older!',
      'Is it?',
      'yes.',
    ]);
  });

  it('collapse a repeated teaser into one passage that keeps both locations', () => {
    const teaser = index.passages.find((p) => p.text.startsWith('Elon Musk announced on May 25, 2026, that'))!;
    expect(teaser.locations).toHaveLength(2);
    expect(new Set(teaser.locations.map((l) => l.start)).size).toBe(2);
  });

  it('collapse near-duplicates across articles and count their sources', () => {
    const passages = collapseDuplicates(
      extractPassages([
        article('a', 'Musk said the model has 1.5 trillion parameters and will ship in June.\nUnrelated sentence about something else entirely here.'),
        article('b', 'Musk said the model has 1.5 trillion parameters and will ship in mid June.'),
        article('c', 'Completely different reporting with other words in it.'),
      ]),
    );
    const shared = passages.find((p) => p.text.includes('1.5 trillion'))!;
    expect(shared.sources).toEqual(['a', 'b']);
    expect(shared.locations.map((l) => l.source)).toEqual(['a', 'b']);
    expect(passages).toHaveLength(3);
  });

  it('keep near-duplicates that name different companies apart, and join those where one only names more', () => {
    const passages = collapseDuplicates(
      extractPassages([
        article('a', 'Laind Analytics said running Laind-11 costs about 47% less per token than its predecessor.\nThe company said Musk will present the model at the launch event in June.'),
        article('b', 'Mond Analytics said running Mond-11 costs about 47% less per token than its predecessor.\nThe company said Elon Musk will present the model at the launch event in June.'),
      ]),
    );
    expect(passages.filter((p) => p.text.includes('47%')).map((p) => p.sources)).toEqual([['a'], ['b']]);
    expect(passages.filter((p) => p.text.includes('launch event')).map((p) => p.sources)).toEqual([['a', 'b']]);
  });

  it('read a short article saved twice as one article told twice, not as site furniture', () => {
    const text = 'Riagorlin plans a plant\nRiagorlin said the plant will cost $2 billion.\nIt opens in 2027.';
    const passages = collapseDuplicates(extractPassages([article('a', text), article('a-copy', text), article('b', 'Other news\nSomething else happened today in another city entirely.')]));
    expect(passages.find((p) => p.text.includes('$2 billion'))?.sources).toEqual(['a', 'a-copy']);
  });

  it('treat short lines shared by several articles as boilerplate', () => {
    const passages = extractPassages([
      article('a', 'Subscribe to the Daily Model Brief now\nThe model has 1.5 trillion parameters in total.'),
      article('b', 'Subscribe to the Daily Model Brief now\nThe release is expected in mid June this year.'),
    ]);
    expect(passages.map((p) => p.text).filter((t) => t.includes('Daily Model Brief'))).toEqual([]);
    expect(passages).toHaveLength(2);
  });
});
