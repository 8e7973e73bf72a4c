import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { buildIndex } from '../../src/index/build-index.js';

/** Other sentences, distinct, as a real article has: they make the claims' shared words rare enough to count. */
const FILLER = [
  'The chip market has been volatile for most of the year.',
  'Analysts expect more launches before the holiday season.',
  'Several startups have raised money to build smaller models.',
  'Regulators in Europe are studying new rules for data centers.',
  'Power prices in Texas rose sharply over the summer.',
  'A shortage of memory chips has slowed server deliveries.',
  'Universities are asking for cheaper access to training clusters.',
  'Open models have closed much of the gap with closed ones.',
  'Investors are watching how quickly customers renew their contracts.',
  'Several governments plan to build national compute reserves.',
  'Developers say tooling matters as much as raw model quality.',
  'The cost of cooling large clusters keeps climbing each quarter.',
  'Insurance firms are testing models to read claims faster.',
  'Hospitals want models that explain how they reach an answer.',
  'Cloud providers are racing to add capacity in new regions.',
  'Smaller teams are fine-tuning models on their own documents.',
];

async function corpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'grok-facts-conflicts-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const article = (headline: string, claim: string, i: number) => [headline, '', claim, '', ...FILLER.slice(4 * i, 4 * i + 4)].join('\n');

describe('conflicts', () => {
  it('pair claims about the same subject and measure only, and say what they are about in the articles’ words', async () => {
    const dir = await corpus({
      'a.txt': article('Pux Dynamics unveils its Pux-9 model', 'Shares of Pux Dynamics climbed 1.8% on Sunday after the launch event.', 0),
      'b.txt': article('Saim Robotics unveils its Saim-3 model', 'Shares of Saim Robotics climbed 2.6% on Sunday after the launch event.', 1),
      'c.txt': article('Pux Dynamics shows off the Pux-9 model', 'Shares of Pux Dynamics climbed 4.1% on Sunday after the launch event.', 2),
      'd.txt': article('Pux Dynamics and the Pux-9 model', 'Shares of Pux Dynamics climbed 3.3% on Monday after the launch event.', 3),
    });
    const index = buildIndex(await loadCorpus(dir));
    const pairs = index.conflicts.map((c) => c.claims.map((claim) => claim.value).sort().join(' vs '));
    // A and C: the same company, the same measure, the same day, two figures.
    expect(pairs).toContain('1.8% vs 4.1%');
    // B names another company; D gives another day.
    expect(pairs.filter((p) => p.includes('2.6%') || p.includes('3.3%'))).toEqual([]);
    const about = index.conflicts.find((c) => c.claims.some((claim) => claim.value === '1.8%'))!.about;
    expect(about).toContain('climbed');
    expect(about.every((w) => /^[a-z0-9-]+$/.test(w) && index.passages.some((p) => p.text.toLowerCase().includes(w)))).toBe(true);
    // Looked up by passage, for each citation.
    for (const conflict of index.conflicts) {
      for (const claim of conflict.claims) expect(index.conflictsByPassage.get(claim.passageId)).toContain(conflict);
    }
  });
});
