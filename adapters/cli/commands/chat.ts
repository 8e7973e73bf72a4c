import { createInterface } from 'node:readline';
import { checkQuestion } from '../../../src/answer/validate-question.js';
import type { Answer } from '../../../src/answer/schema.js';
import type { Engine } from '../../../src/engine/engine.js';
import type { CitationLinker } from '../../shared/citation-link.js';
import { chatCommand } from '../chat-command.js';
import { formatAnswer } from '../format-answer.js';
import type { Style } from '../style.js';
import { printable } from '../../../src/text/printable.js';

/** One line: what the chat does, its commands, and three questions the corpus answers well. */
export function helpLine(engine: Engine): string {
  const examples = engine.suggestions('', 3);
  const tries = examples.length > 0 ? ` Try: ${examples.map((e) => `“${printable(e)}”`).join(' · ')}` : '';
  return `Ask about the Grok V9-Medium announcement and get quoted, cited passages; "and …?" follows up on the last question. Commands: help, sources, quit.${tries}`;
}

export interface ChatOptions {
  /** Each citation's web page (PUBLIC_URL), printed under it. */
  link?: CitationLinker;
  /** Answers through the bot core instead, so questions are logged as the platforms' are. */
  ask?: (question: string, previous: string | undefined) => Answer;
}

/**
 * Interactive console chat. It remembers the last question so "and when does it launch?" is
 * understood as a follow-up, as it is in a Discord reply chain or a Slack thread.
 */
export async function chat(engine: Engine, input: NodeJS.ReadableStream, out: NodeJS.WritableStream, style: Style, options: ChatOptions = {}): Promise<number> {
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input, output: interactive ? out : undefined, terminal: interactive });
  out.write(`${style.bold('grok-facts')} — ${helpLine(engine)}\n`);
  let previous: string | undefined;
  const prompt = () => interactive && rl.prompt();
  rl.setPrompt(style.cyan('you › '));
  prompt();
  for await (const line of rl) {
    const text = line.trim();
    const command = chatCommand(text);
    if (command === 'quit') break;
    if (text === '') {
      prompt();
      continue;
    }
    if (command === 'help') out.write(`${helpLine(engine)}\n`);
    else if (command === 'sources') for (const s of engine.sources()) out.write(`  • ${printable(s.title)}\n`);
    else {
      const check = checkQuestion(text);
      if (!check.ok) out.write(`${style.red(check.error)}\n`);
      else {
        const answer = options.ask ? options.ask(check.question, previous) : engine.answer(check.question, { previous });
        out.write(`${formatAnswer(answer, style, options.link)}\n`);
        if (answer.status === 'answered') previous = check.question;
      }
    }
    out.write('\n');
    prompt();
  }
  rl.close();
  return 0;
}
