// Iteration aid: one line per question, its outcome under the committed model, so two
// checkouts' outputs can be diffed to see which questions a reading change moved.
import { answerQuestion } from '../../src/answer/answer.js';
import { quoteMatches } from '../../src/eval/run-eval.js';
import { loadBatches, loadHeldBatches, loadSeedIndex } from './fit-data.js';

const index = await loadSeedIndex();
for (const batch of [...loadBatches(), ...loadHeldBatches().map((b) => ({ ...b, name: `held/${b.name}` }))]) {
  for (const q of batch.questions) {
    const answer = answerQuestion(index, q.q);
    const quote = answer.status === 'answered' ? answer.citations[0]!.quote : '';
    const outcome =
      answer.status !== 'answered' ? 'refused' : q.kind === 'answerable' ? (quoteMatches(quote, q.expect) ? 'hit' : 'miss') : 'answered';
    // One line per question: a question or quote written over several lines is kept on one.
    const flat = (text: string) => text.replace(/\s*\n\s*/g, ' ⏎ ');
    console.log(`${batch.name}\t${q.kind}\t${outcome}\t${flat(q.q)}\t${flat(quote.slice(0, 60))}`);
  }
}
