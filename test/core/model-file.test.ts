import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelFile } from '../../src/answer/model/model-file.js';
import { currentModel } from '../../src/answer/model/model.js';

describe('a model file given to a tool (MODEL=file)', () => {
  it('is read when it has the shape of a fitted model', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'grok-facts-model-')), 'model.json');
    await writeFile(path, JSON.stringify(currentModel()));
    expect(readModelFile(path)).toEqual(currentModel());
  });

  it('is refused in one line naming the file: a model from before the trees, or a file that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-model-'));
    const old = join(dir, 'logistic.json');
    await writeFile(old, JSON.stringify({ ...currentModel(), refusal: { bias: 0.5, coverage: 2 } }));
    expect(() => readModelFile(old)).toThrow(new RegExp(`^${old} is not a fitted model of this version: refusal`));
    const cut = join(dir, 'cut.json');
    await writeFile(cut, JSON.stringify(currentModel()).slice(0, 200));
    expect(() => readModelFile(cut)).toThrow(new RegExp(`^${cut} cannot be read as a fitted model: `));
  });
});
