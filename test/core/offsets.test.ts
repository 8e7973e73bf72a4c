import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';

describe('citation offsets', () => {
  it('are UTF-16 code units (JavaScript string indices), as the README and the Answer schema say', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grok-facts-offsets-'));
    const text = 'Launch day 🚀🚀 and café notes 𝒳.\n\nThe Colossus supercomputer in Memphis trained Grok V9-Medium over many weeks.\n';
    writeFileSync(join(dir, 'emoji.txt'), text);
    const engine = await createEngine({ corpusDir: dir });
    const answer = engine.answer('Where is the Colossus supercomputer?');
    const cited = answer.citations.find((c) => c.quote.includes('Memphis'))!;
    expect(cited).toBeDefined();
    const at = text.indexOf('The Colossus');
    expect(cited.start).toBe(at);
    expect(text.slice(cited.start, cited.end)).toBe(cited.quote);
    // Neither bytes nor code points: both would place the passage elsewhere.
    expect(Buffer.byteLength(text.slice(0, at))).not.toBe(at);
    expect([...text.slice(0, at)].length).not.toBe(at);
  });
});
