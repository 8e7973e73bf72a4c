import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { buildIndex } from '../../src/index/build-index.js';
import { addArticle } from '../../src/ingest/add-article.js';
import { markdownMetadata, markdownPassages } from '../../src/passages/markdown-passages.js';
import { SEEDS_DIR } from '../helpers/engine.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/front-matter');
const NOTES = join(FIXTURES, 'colossus-power-notes.md');
const notes = await readFile(NOTES, 'utf8');
const broken = await readFile(join(FIXTURES, 'broken-front-matter.md'), 'utf8');
/** Where the front matter ends: its closing `---`. */
const bodyStart = notes.indexOf('\n---\n') + 5;

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'grok-facts-fm-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('YAML front matter of a Markdown article', () => {
  it('is never read as passages, and every passage after it keeps exact offsets', () => {
    const passages = markdownPassages(notes);
    expect(passages.length).toBeGreaterThanOrEqual(5);
    for (const p of passages) {
      expect(notes.slice(p.start, p.end)).toBe(p.text);
      expect(p.start).toBeGreaterThanOrEqual(bodyStart);
    }
    const shown = passages.map((p) => p.display).join('\n');
    expect(shown).not.toMatch(/publisher|Grid Desk|griddesk|tags/);
    expect(shown).toContain('Peak draw: 1.2 GW');
    expect(passages[0]!.display).toBe('Inside the Colossus 2 build-out');
  });

  it('gives the title, publisher, date and canonical URL; the title wins over the first heading', () => {
    expect(markdownMetadata(notes)).toEqual({
      title: 'Colossus 2 power draw, explained',
      publisher: 'Grid Desk',
      published: '2026-05-27',
      url: 'https://griddesk.example/colossus-2-power',
    });
  });

  it('leaves out a field sources.json would refuse, and keeps the rest', () => {
    expect(markdownMetadata(broken)).toEqual({ title: 'Grok V9-Medium benchmark notes', publisher: 'Bench Weekly' });
  });

  it('takes the next name for a field when the first one given is not usable ("title: 42" beside a headline)', () => {
    expect(markdownMetadata('---\ntitle: 42\nheadline: Odd fields article\n---\n\nThe Memphis site hired electricians.\n').title).toBe('Odd fields article');
  });

  it('falls back to the first heading without front matter, and gives nothing for front matter that is not YAML', () => {
    expect(markdownMetadata('# Plain heading\n\nSome text about xAI.\n')).toEqual({ title: 'Plain heading' });
    expect(markdownMetadata('---\n: : [unclosed\n---\n\n# Heading\n\nText here.\n')).toEqual({ title: 'Heading' });
  });

  it('is the metadata of a loaded article where sources.json has none; sources.json wins field by field', async () => {
    const dir = await folderWith({
      'notes.md': notes,
      'other.md': notes,
      'sources.json': JSON.stringify({ 'other.md': { title: 'Admin title', publisher: 'Admin desk' } }),
    });
    const [first, second] = await loadCorpus(dir);
    expect(first).toMatchObject({ source: 'notes', title: 'Colossus 2 power draw, explained', publisher: 'Grid Desk', published: '2026-05-27', url: 'https://griddesk.example/colossus-2-power' });
    expect(second).toMatchObject({ source: 'other', title: 'Admin title', publisher: 'Admin desk', published: '2026-05-27', url: 'https://griddesk.example/colossus-2-power' });
  });

  it('is not indexed: no passage of the built index comes from it', async () => {
    const index = buildIndex(await loadCorpus(await folderWith({ 'notes.md': notes })));
    expect(index.passages.length).toBeGreaterThan(0);
    for (const p of index.passages) for (const l of p.locations) expect(l.start).toBeGreaterThanOrEqual(bodyStart);
  });

  it('goes into sources.json when the article is added with `grok-facts add`', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-fm-add-'));
    await cp(SEEDS_DIR, dir, { recursive: true });
    const result = await addArticle({ corpusDir: dir, input: NOTES });
    expect(result).toMatchObject({ status: 'added', title: 'Colossus 2 power draw, explained', publisher: 'Grid Desk', published: '2026-05-27', url: 'https://griddesk.example/colossus-2-power' });
    const sources = JSON.parse(await readFile(join(dir, 'sources.json'), 'utf8'));
    expect(sources[(result as { file: string }).file]).toEqual({ title: 'Colossus 2 power draw, explained', publisher: 'Grid Desk', published: '2026-05-27', url: 'https://griddesk.example/colossus-2-power' });
    // The file is written as it was given, front matter included, so its offsets stay those of the original.
    expect(await readFile(join(dir, (result as { file: string }).file), 'utf8')).toBe(notes);
  });
});

describe('broken front matter', () => {
  it('is named in a warning when the corpus is loaded, and good front matter or none gives no warning', async () => {
    const dir = await folderWith({
      'unclosed.md': '---\ntitle: Colossus power\npublisher: Grid Weekly\n\n# Colossus power\n\nColossus 2 draws 300 MW.\n',
      'not-yaml.md': '---\ntitle: [unclosed\n---\n# Notes\n\nColossus 2 draws 300 MW.\n',
      'a-list.md': '---\n- one\n- two\n---\n# Notes\n\nColossus 2 draws 300 MW.\n',
      'fine.md': '\uFEFF---\ntitle: Fine\n---\n# Fine\n\nColossus 2 draws 300 MW.\n',
      'empty-block.md': '---\n---\n# Empty\n\nColossus 2 draws 300 MW.\n',
      'plain.md': '# Plain\n\n---\n\nA thematic break is no front matter.\n',
    });
    const warnings: string[] = [];
    await loadCorpus(dir, { onWarning: (m) => warnings.push(m) });
    expect(warnings.find((w) => w.startsWith('unclosed.md:'))).toMatch(/never closed/);
    expect(warnings.find((w) => w.startsWith('not-yaml.md:'))).toMatch(/not valid YAML/);
    expect(warnings.find((w) => w.startsWith('a-list.md:'))).toMatch(/not a list of fields/);
    expect(warnings.filter((w) => /^(fine|empty-block|plain)\.md:/.test(w))).toEqual([]);
    expect(warnings).toHaveLength(3);
  });
});
