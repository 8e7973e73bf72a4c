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

/**
 * The lists, read once. A copy without the file (a build shipped without src/) answers on with
 * no English words known, so words the articles never use weigh as names do, and says so once,
 * rather than failing every question with such a word.
 */
export function englishWords(): EnglishWords {
  if (!lists) {
    const path = join(projectRoot(), 'src/text/english-words.txt');
    try {
      const [common = '', known = ''] = readFileSync(path, 'latin1').split(/\r?\n/);
      lists = { common, known };
    } catch (error) {
      lists = { common: '', known: '' };
      const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      process.emitWarning(`the English word list ${path} could not be read (${reason}): words the articles never use are weighed as names until it is restored`, 'GrokFactsWarning');
    }
  }
  return lists;
}
