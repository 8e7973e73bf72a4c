import { createInterface } from 'node:readline';
import { checkQuestion } from '../../../src/answer/validate-question.js';
import type { Engine } from '../../../src/engine/engine.js';
import { answerToJson, formatAnswer } from '../format-answer.js';
import type { CitationLinker } from '../../shared/citation-link.js';
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

/**
 * One question per input line, answered in order. A bad line gets an error entry of its own
 * (status no_answer, with `error`) and the rest go on; blank lines are skipped.
 */
export async function askEachLine(engine: Engine, input: NodeJS.ReadableStream, options: AskOptions): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const check = checkQuestion(line);
    if (!check.ok) {
      const entry = { question: line.slice(0, 500), status: 'no_answer', text: check.error, error: check.error, citations: [], conflicts: [] };
      options.out.write(options.json ? `${JSON.stringify(entry)}\n` : `${options.style.red(check.error)}\n\n`);
      continue;
    }
    const answer = engine.answer(check.question);
    options.out.write(options.json ? `${answerToJson(answer)}\n` : `${options.style.bold(`Q: ${answer.question}`)}\n${formatAnswer(answer, options.style, options.link)}\n\n`);
  }
  return 0;
}
