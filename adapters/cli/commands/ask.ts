import { checkQuestion, MAX_QUESTION_LENGTH } from '../../../src/answer/validate-question.js';
import type { Engine } from '../../../src/engine/engine.js';
import { answerToJson, formatAnswer } from '../format-answer.js';
import { readLines, writeWithBackpressure } from '../read-lines.js';
import type { CitationLinker } from '../../shared/citation-link.js';
import { printable } from '../../../src/text/printable.js';
import type { Style } from '../style.js';

export interface AskOptions {
  json: boolean;
  style: Style;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Each citation's web page, when PUBLIC_URL is set. */
  link?: CitationLinker;
}

/** One question from the command line: the answer, or a one-line reason and exit code 2. */
export function askOnce(engine: Engine, question: string, options: AskOptions): number {
  const check = checkQuestion(question);
  if (!check.ok) {
    options.err.write(`grok-facts: ${check.error}\n`);
    return 2;
  }
  const answer = engine.answer(check.question);
  options.out.write(`${options.json ? answerToJson(answer) : formatAnswer(answer, options.style, options.link)}\n`);
  return 0;
}

/** A bad line's entry: the same fields as an answer plus `error`. */
function errorEntry(line: string, error: string, sourceCount: number): string {
  const question = Array.from(line).slice(0, MAX_QUESTION_LENGTH).join('');
  return JSON.stringify({ question, status: 'no_answer', text: error, error, citations: [], conflicts: [], suggestions: [], sourceCount });
}

/**
 * One question per input line, answered in order. A bad line gets an error entry of its own
 * (status no_answer, with `error`) and the rest go on; blank lines are skipped. Lines are read
 * only as fast as the output is taken, so a slow reader or a huge input never fills memory.
 */
export async function askEachLine(engine: Engine, input: NodeJS.ReadableStream, options: AskOptions): Promise<number> {
  const { out, style } = options;
  for await (const line of readLines(input)) {
    if (!line.trim()) continue;
    const check = checkQuestion(line);
    if (!check.ok) {
      const header = style.bold(`Q: ${printable(Array.from(line.trim()).slice(0, 80).join(''))}${Array.from(line.trim()).length > 80 ? '…' : ''}`);
      await writeWithBackpressure(out, options.json ? `${errorEntry(line, check.error, engine.index.articles.length)}\n` : `${header}\n${style.red(check.error)}\n\n`);
      continue;
    }
    const answer = engine.answer(check.question);
    await writeWithBackpressure(out, options.json ? `${answerToJson(answer)}\n` : `${style.bold(`Q: ${answer.question}`)}\n${formatAnswer(answer, style, options.link)}\n\n`);
  }
  return 0;
}
