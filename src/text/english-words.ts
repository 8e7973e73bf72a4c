import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/project-root.js';

/**
 * General English words in two bands, each a sorted, space-separated line of
 * src/text/english-words.txt (written by `npm run wordlist`, test/tools/generate-english-words.ts,
 * from SCOWL and SUBTLEX-US). Read when first needed: only a word the articles never use is looked
 * up, so most questions never need it, and a one-shot `ask` no longer compiles 600 KB of string
 * literals it does not read (~5 ms of its start).
 */
export interface EnglishWords {
  /** Everyday English words. */
  common: string;
  /** Less common English words an educated reader knows. */
  known: string;
}

let lists: EnglishWords | undefined;

export function englishWords(): EnglishWords {
  if (!lists) {
    const [common = '', known = ''] = readFileSync(join(projectRoot(), 'src/text/english-words.txt'), 'latin1').split('\n');
    lists = { common, known };
  }
  return lists;
}
