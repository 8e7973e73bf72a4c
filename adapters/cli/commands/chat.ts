import { createInterface } from 'node:readline';
import { checkQuestion } from '../../../src/answer/validate-question.js';
import type { Engine } from '../../../src/engine/engine.js';
import { formatAnswer } from '../format-answer.js';
import type { Style } from '../style.js';

const HELP = 'Ask anything about the Grok V9-Medium announcement. Commands: /sources, /help, /quit.';

/**
 * Interactive console chat. It remembers the last question so "and when does it launch?" is
 * understood as a follow-up, as it is in a Discord reply chain or a Slack thread.
 */
export async function chat(engine: Engine, input: NodeJS.ReadableStream, out: NodeJS.WritableStream, style: Style): Promise<number> {
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input, output: interactive ? out : undefined, terminal: interactive });
  const examples = engine.suggestions('', 3);
  out.write(`${style.bold('grok-facts')} — ${HELP}\n`);
  if (examples.length > 0) out.write(style.dim(`Try: ${examples.join(' · ')}\n`));
  let previous: string | undefined;
  const prompt = () => interactive && rl.prompt();
  rl.setPrompt(style.cyan('you › '));
  prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text === '' ) {
      prompt();
      continue;
    }
    if (text === '/help') out.write(`${HELP}\n`);
    else if (text === '/sources') for (const s of engine.sources()) out.write(`  • ${s.title}\n`);
    else {
      const check = checkQuestion(text);
      if (!check.ok) out.write(`${style.red(check.error)}\n`);
      else {
        const answer = engine.answer(check.question, { previous });
        out.write(`${formatAnswer(answer, style)}\n`);
        if (answer.status === 'answered') previous = check.question;
      }
    }
    out.write('\n');
    prompt();
  }
  rl.close();
  return 0;
}
