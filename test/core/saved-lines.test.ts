import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { savedLines } from '../../src/index/saved-lines.js';

async function saved(payload: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'grok-facts-lines-')), 'index.json');
  await writeFile(path, `${createHash('sha256').update(payload).digest('hex')}\n${payload}`);
  return path;
}

describe('saved index lines', () => {
  it('reads back every line, across chunk boundaries and multi-byte characters, and checks the whole file', async () => {
    // Longer than a read chunk (4 MB), with characters of two to four bytes around where chunks split.
    const lines = ['{"a":1}', `"${'é€𝄞x'.repeat(700_000)}"`, '{"quote":"“per‑token” cost"}', '{"last":true}'];
    expect([...savedLines(await saved(lines.join('\n')))]).toEqual(lines);
  });

  it('refuses a file changed by one byte, or cut short, before giving out its last line', async () => {
    const payload = ['{"a":1}', '{"b":2}', '{"search":{}}'].join('\n');
    const path = await saved(payload);
    await writeFile(path, readFileSync(path, 'utf8').replace('"b":2', '"b":3'));
    expect(() => [...savedLines(path)]).toThrow(/checksum/);
    await writeFile(path, 'not a saved index');
    expect(() => [...savedLines(path)]).toThrow(/checksum/);
  });
});
