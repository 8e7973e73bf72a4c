import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createEngine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build-index.js';
import { loadSavedIndex, saveIndex } from '../../src/index/persisted-index.js';
import { markdownPassages, markdownTitle } from '../../src/passages/markdown-passages.js';
import { SEEDS_DIR } from '../helpers/engine.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/markdown');
const notes = await readFile(join(FIXTURES, 'telescope-notes.md'), 'utf8');
const passages = markdownPassages(notes);
const shown = passages.map((p) => p.display);

/** The seeds plus the Markdown fixtures: Markdown read next to plain-text articles, as a real corpus would be. */
async function corpusWithMarkdown(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'grok-facts-md-'));
  await cp(SEEDS_DIR, dir, { recursive: true });
  await cp(FIXTURES, dir, { recursive: true });
  return dir;
}

describe('Markdown passages', () => {
  it('quote the exact slice of the raw file', () => {
    expect(passages.length).toBeGreaterThan(10);
    for (const p of passages) expect(notes.slice(p.start, p.end)).toBe(p.text);
  });

  it('take the title from the first heading, without the #', () => {
    expect(markdownTitle(notes)).toBe('Orbital Lens: the telescope xAI wants to build');
  });

  it('read each table row with its header', () => {
    const row = passages.find((p) => p.display === 'Mirror diameter: 6.5 m')!;
    expect(row.text).toBe('| Mirror diameter | 6.5 m |');
    expect(row.kind).toBe('label');
    expect(shown).toContain('Launch mass: 6,200 kg');
    // The header row is the label, not a passage of its own.
    expect(shown.some((s) => /^Property/.test(s))).toBe(false);
  });

  it('pair every cell with its column in a wider table', async () => {
    const table = markdownPassages(await readFile(join(FIXTURES, 'two-axis-table.md'), 'utf8'));
    expect(table.map((p) => p.display)).toContain('Model: Grok V9 Medium; Parameters: 1.5T; Context window: 1M tokens');
  });

  it('leave images and URLs out, and keep link text', () => {
    expect(shown.join(' ')).not.toMatch(/diagram|https?:|\.png|\]\(/);
    const linked = passages.find((p) => p.display.includes("the company's engineering blog"))!;
    expect(linked.text).toContain('](https://x.ai/blog/orbital-lens)');
    expect(linked.display).toBe(
      "xAI is studying a space telescope called Orbital Lens, according to a design note published on the company's engineering blog on June 2, 2026.",
    );
  });

  it('show no emphasis, list or quote markers, while the quote keeps them', () => {
    const review = passages.find((p) => p.display === 'Design review in October 2026.')!;
    expect(review.text).toBe('Design review in **October 2026**.');
    const quote = passages.find((p) => p.display.startsWith('"We want a telescope'))!;
    expect(quote.display).toBe('"We want a telescope that answers questions, not one that only takes pictures," Raman said.');
    expect(quote.text).toContain('\n> takes pictures');
    for (const s of shown) expect(s).not.toMatch(/\*\*|(^|\s)[_*]\S|^[-*>] |^\d+\. /);
    expect(shown).toContain('Mirror polishing takes 18 months.');
  });

  it('keep headings as labels for what follows them', () => {
    const lead = passages.find((p) => p.display.startsWith('Priya Raman leads'))!;
    expect(lead.label).toBe('Project lead');
    expect(passages.find((p) => p.display === 'Project lead')!.kind).toBe('heading');
  });
});

describe('Markdown articles in the index', () => {
  it('are answered from their prose and tables, not their images', async () => {
    const engine = await createEngine({ corpusDir: await corpusWithMarkdown() });
    const lead = engine.answer('Who is the project lead?');
    expect(lead.status).toBe('answered');
    expect(lead.citations[0]!.display).toContain('Priya Raman');
    expect(lead.text).not.toContain('![');

    const mirror = engine.answer('What is the mirror diameter?');
    expect(mirror.citations[0]!.display).toBe('Mirror diameter: 6.5 m');
    expect(mirror.citations[0]!.quote).toBe('| Mirror diameter | 6.5 m |');
    expect(mirror.text).toBe('Mirror diameter: 6.5 m [#1]');

    const review = engine.answer('When is the design review?');
    expect(review.citations[0]!.quote).toBe('Design review in **October 2026**.');
    expect(review.text).toBe('Design review in October 2026. [#1]');

    const article = engine.sources().find((s) => s.file === 'telescope-notes.md')!;
    expect(article.title).toBe('Orbital Lens: the telescope xAI wants to build');
  });

  it('keep their display text through a saved index, with verbatim quotes', async () => {
    const dir = await corpusWithMarkdown();
    const articles = await loadCorpus(dir);
    const built = buildIndex(articles);
    const dataDir = await mkdtemp(join(tmpdir(), 'grok-facts-md-data-'));
    saveIndex(dataDir, built);
    const loaded = loadSavedIndex(dataDir, articles)!;
    expect(loaded).toBeDefined();
    const raw = new Map(articles.map((a) => [a.source, a.rawText]));
    const fromMarkdown = loaded.passages.filter((p) => p.sources.includes('telescope-notes'));
    expect(fromMarkdown.length).toBeGreaterThan(10);
    expect(fromMarkdown.map((p) => p.text)).toEqual(built.passages.filter((p) => p.sources.includes('telescope-notes')).map((p) => p.text));
    for (const p of loaded.passages) for (const l of p.locations) expect(raw.get(l.source)!.slice(l.start, l.end)).toBe(l.text);
  });
});
