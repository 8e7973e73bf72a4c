/**
 * The README's example session, made from the real console chat rather than typed by hand, so
 * it cannot drift from what a newcomer sees. `npm run readme:example` rewrites the block between
 * the markers in README.md; test/core/readme.test.ts fails when the README and the output differ
 * (and checks that `grok-facts` itself prints the same answers).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { chat } from '../../adapters/cli/commands/chat.js';
import { styleFor } from '../../adapters/cli/style.js';
import { createEngine } from '../../src/engine/engine.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const README = resolve(ROOT, 'README.md');
export const EXAMPLE_QUESTIONS = ['How many parameters does Grok V9 Medium have?', 'and when does it launch?', 'What is the capital of Australia?'];
export const START = '<!-- readme:example:start (npm run readme:example writes this block) -->';
export const END = '<!-- readme:example:end -->';

/** The chat as a terminal shows it: the prompt and each question typed, then what the bot printed. */
export async function exampleSession(): Promise<string> {
  const engine = await createEngine({ corpusDir: resolve(ROOT, 'seeds') });
  const input = new PassThrough();
  let output = '';
  const out = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  const plain = styleFor({ isTTY: false } as NodeJS.WriteStream, {});
  const finished = chat(engine, input, out, plain);
  // Answers are written synchronously once a line is read; wait for the output to change and settle.
  const settled = async (from: number) => {
    for (let waited = 0; output.length === from && waited < 5000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 30));
  };
  await settled(0);
  let transcript = output;
  for (const question of EXAMPLE_QUESTIONS) {
    const from = output.length;
    input.write(`${question}\n`);
    await settled(from);
    transcript += `you › ${question}\n${output.slice(from)}`;
  }
  input.end();
  await finished;
  return transcript.trimEnd();
}

export function exampleBlock(session: string): string {
  return `${START}\n\n\`\`\`text\n${session}\n\`\`\`\n\n${END}`;
}

/** The block as it stands in README.md, or undefined when the markers are missing. */
export function readmeBlock(readme = readFileSync(README, 'utf8')): string | undefined {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  return from === -1 || to === -1 ? undefined : readme.slice(from, to + END.length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const readme = readFileSync(README, 'utf8');
  const current = readmeBlock(readme);
  if (!current) throw new Error(`README.md has no ${START} … ${END} block`);
  const next = exampleBlock(await exampleSession());
  writeFileSync(README, readme.replace(current, next));
  console.log(current === next ? 'README example session is up to date' : 'README example session rewritten from the real output');
}
