import { resolve } from 'node:path';
import { createEngine, type Engine } from '../../src/engine/engine.js';

export const SEEDS_DIR = resolve(import.meta.dirname, '../../seeds');

let shared: Promise<Engine> | undefined;

/** One engine over the real seeds, shared by the tests of a file. */
export function seedEngine(): Promise<Engine> {
  shared ??= createEngine({ corpusDir: SEEDS_DIR });
  return shared;
}
