import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { buildIndex } from '../../src/index/build-index.js';
import { FORMAT, saveIndex } from '../../src/index/persisted-index.js';
import { SEEDS_DIR } from '../helpers/engine.js';
import recorded from '../data/index-fingerprint.json' with { type: 'json' };

/**
 * A saved index is reused while its key matches, and the key sees the corpus, the options and
 * the word lists, but not the code that builds the index. So a change to that code must bump
 * FORMAT, or deployed bots keep serving indexes built by the old code. This test notices.
 */
describe('saved index fingerprint', () => {
  it('changes only together with FORMAT', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'grok-facts-fingerprint-'));
    saveIndex(dataDir, buildIndex(await loadCorpus(SEEDS_DIR)));
    const [file] = (await readdir(dataDir)).filter((f) => f.endsWith('.json'));
    const text = await readFile(join(dataDir, file!), 'utf8');
    const sha = createHash('sha256').update(text.slice(text.indexOf('\n') + 1)).digest('hex');
    const now = { format: FORMAT, sha };
    if (now.format === recorded.format && now.sha !== recorded.sha) {
      expect.fail(`the index built from the seeds changed but FORMAT is still ${FORMAT}: bump FORMAT in src/index/persisted-index.ts, then record ${JSON.stringify({ format: FORMAT + 1, sha: '…' })} in test/data/index-fingerprint.json`);
    }
    expect(now, 'record the new FORMAT and fingerprint in test/data/index-fingerprint.json').toEqual(recorded);
  });
});
