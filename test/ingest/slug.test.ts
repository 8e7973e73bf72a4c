import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from '../../src/ingest/slug.js';

describe('an article file name from its title', () => {
  it('writes accented and undecomposed Latin letters as ASCII, rather than dropping them', () => {
    expect(slugify('Grok V9-Medium: xAI schließt das Training ab')).toBe('grok-v9-medium-xai-schliesst-das-training-ab');
    expect(slugify('Genève débat sur les coûts')).toBe('geneve-debat-sur-les-couts');
    expect(slugify('Øresund, Łódź and Æsir')).toBe('oresund-lodz-and-aesir');
  });

  it('is cut at a word boundary, and falls back to "article" when no letter is Latin', () => {
    expect(slugify('word '.repeat(30)).length).toBeLessThanOrEqual(60);
    expect(slugify('学習完了')).toBe('article');
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});
