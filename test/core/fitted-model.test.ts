import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitModel } from '../../src/answer/model/fit.js';
import { loadBatches, loadSeedIndex, MODEL_FILE, START_MODEL } from '../tools/fit-data.js';

describe('the fitted answer model', () => {
  it('is exactly what `npm run fit` produces from the labelled batches', async () => {
    const committed = JSON.parse(readFileSync(MODEL_FILE, 'utf8'));
    const fitted = fitModel(loadBatches(), await loadSeedIndex(), START_MODEL);
    expect(fitted).toEqual(committed);
  }, 180_000);

  it('is fitted on every batch, the independent chat batches and the shared development sets included', () => {
    const names = loadBatches().map((b) => b.name);
    for (const name of ['chat-dev', 'dev', 'chat-discord', 'chat-slack', 'chat-nonnative', 'chat-mobile', 'questions']) expect(names).toContain(name);
  });
});
