import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { SEEDS_DIR } from '../helpers/engine.js';

const SHARED_SEEDS = resolve(import.meta.dirname, '../../../shared/seeds');
const SHARED_EVAL = resolve(import.meta.dirname, '../../../shared/eval');
const OWN_EVAL = resolve(import.meta.dirname, '../data/shared-eval');

async function tempCorpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'grok-facts-corpus-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('corpus', () => {
  it.runIf(existsSync(SHARED_SEEDS))('holds the shared seed articles byte for byte', async () => {
    const names = (await readdir(SHARED_SEEDS)).sort();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(Buffer.compare(await readFile(join(SEEDS_DIR, name)), await readFile(join(SHARED_SEEDS, name)))).toBe(0);
    }
  });

  it.runIf(existsSync(SHARED_EVAL))("keeps the shared development sets' copy byte for byte", async () => {
    for (const name of ['dev.jsonl', 'chat-dev.jsonl']) {
      expect(Buffer.compare(await readFile(join(OWN_EVAL, name)), await readFile(join(SHARED_EVAL, name))), name).toBe(0);
    }
  });

  it('reads a file again when it changed, even to text of the same length, and keeps up with sources.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-corpus-'));
    await writeFile(join(dir, 'a.txt'), 'First title\nThe plant draws 300 megawatts.\n');
    await writeFile(join(dir, 'b.md'), '# Markdown title\n\nThe site holds 50,000 GPUs.\n');
    // Files are kept from one load to the next only once settled (2 s after their last change): wait, so the second load reads a kept copy.
    await new Promise((r) => setTimeout(r, 2_100));
    await loadCorpus(dir);
    const first = await loadCorpus(dir);
    expect(first.map((a) => a.title)).toEqual(['First title', 'Markdown title']);
    // Unchanged files are served from what the last load read; a rewrite of the same size is read again.
    await writeFile(join(dir, 'a.txt'), 'Other title\nThe plant draws 900 megawatts.\n');
    await writeFile(join(dir, 'sources.json'), JSON.stringify({ 'b.md': { title: 'Given title', publisher: 'Wire' } }));
    // Settled again, so only the stamp (not the file's youth) says it changed.
    await new Promise((r) => setTimeout(r, 2_100));
    const second = await loadCorpus(dir);
    expect(second.map((a) => [a.title, a.publisher])).toEqual([['Other title', undefined], ['Given title', 'Wire']]);
    expect(second[0]!.rawText).toContain('900 megawatts');
    expect(second[0]!.hash).not.toBe(first[0]!.hash);
    expect(second[1]!.hash).toBe(first[1]!.hash);
    await writeFile(join(dir, 'sources.json'), '{}');
    expect((await loadCorpus(dir)).map((a) => [a.title, a.publisher])).toEqual([['Other title', undefined], ['Markdown title', undefined]]);
  });

  it('says that articles in a subfolder are not read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-corpus-'));
    await writeFile(join(dir, 'a.txt'), 'A title\nThe plant draws 300 megawatts.\n');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'more'));
    await writeFile(join(dir, 'more', 'b.txt'), 'B title\nThe site holds 50,000 GPUs.\n');
    await mkdir(join(dir, '.git'));
    const warnings: string[] = [];
    const articles = await loadCorpus(dir, { onWarning: (m) => warnings.push(m) });
    expect(articles.map((a) => a.file)).toEqual(['a.txt']);
    expect(warnings).toEqual([`the corpus folder has a subfolder (more) whose files are not read: put articles directly in ${dir}`]);
  });

  it('loads every seed with its metadata', async () => {
    const articles = await loadCorpus(SEEDS_DIR);
    expect(articles).toHaveLength(5);
    const outpost = articles.find((a) => a.source.startsWith('002'))!;
    expect(outpost.publisher).toBe('Global Outpost');
    expect(outpost.published).toBe('2026-05-26');
    expect(articles.every((a) => a.hash.length === 64)).toBe(true);
  });

  it('reads .txt and .md, ignores other files, and titles a file without metadata from its first heading or line', async () => {
    const dir = await tempCorpus({
      'a.md': '\n# Launch notes\nGrok shipped.',
      'b.txt': 'Plain text article.',
      'c.json': '{}',
    });
    const articles = await loadCorpus(dir);
    expect(articles.map((a) => a.file)).toEqual(['a.md', 'b.txt']);
    expect(articles[0]!.title).toBe('Launch notes');
    expect(articles[1]!.title).toBe('Plain text article.');
  });

  it('names the file and field when sources.json is invalid', async () => {
    const dir = await tempCorpus({ 'a.txt': 'x', 'sources.json': JSON.stringify({ 'a.txt': { title: 'A', published: 'May 5' } }) });
    const error = await loadCorpus(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toContain('sources.json');
    expect((error as Error).message).toContain('a.txt.published');
  });

  it('shows a binary sources.json as text in its error, with no control character of the file', async () => {
    const dir = await tempCorpus({ 'a.txt': 'x', 'sources.json': '\x1b[2J\x00\x07{' });
    const error = (await loadCorpus(dir).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toMatch(/sources\.json: not valid JSON .*\\x1b/);
    expect(error.message).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it('names the folder when it cannot be read', async () => {
    await expect(loadCorpus('/nonexistent/grok-facts')).rejects.toThrow(/nonexistent\/grok-facts.*ENOENT/);
  });
});
