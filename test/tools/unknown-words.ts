// Iteration aid: the words of answerable questions the reading leaves unknown, most frequent first.
import { analyseQuestion } from '../../src/answer/question.js';
import { englishBand } from '../../src/text/english.js';
import { loadBatches, loadSeedIndex } from './fit-data.js';

const index = await loadSeedIndex();
const counts = new Map<string, number>();
for (const batch of loadBatches()) {
  if (!batch.name.startsWith(process.argv[2] ?? 'chat')) continue;
  for (const q of batch.questions) {
    if (q.kind === 'unanswerable') continue;
    for (const t of analyseQuestion(q.q, index).terms) {
      if (t.known || t.fromContext) continue;
      const key = `${t.surface}${englishBand(t.surface) === 0 ? '' : `(${englishBand(t.surface)})`}${t.unknownName ? '!' : ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
}
console.log([...counts].sort((a, b) => b[1] - a[1]).map(([w, n]) => `${w}:${n}`).join(' '));
