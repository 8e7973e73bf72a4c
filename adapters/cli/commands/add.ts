import { addArticle, type AddResult } from '../../../src/ingest/add-article.js';
import { IngestError } from '../../../src/ingest/errors.js';
import type { Style } from '../style.js';
import { printable } from '../../../src/text/printable.js';

export interface AddIo {
  json: boolean;
  force: boolean;
  style: Style;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** What `add` prints: the article's own title, names and sentences, with their control characters written out. */
function describe(shown: AddResult, style: Style): string {
  const result = printableResult(shown);
  if (result.status === 'duplicate') {
    return `${style.yellow(`already in the corpus as ${result.file}`)} (“${result.title}”, ${result.why}); nothing was written. Use --force to replace it.`;
  }
  const lines = [
    `${result.status === 'replaced' ? 'Replaced' : 'Added'} ${style.bold(result.file)}`,
    `  title      ${result.title}`,
    `  publisher  ${result.publisher ?? style.dim('(not stated)')}`,
    `  published  ${result.published ?? style.dim('(not stated)')}`,
    `  passages   ${result.passages}`,
  ];
  if (result.url) lines.splice(4, 0, `  url        ${result.url}`);
  lines.push(result.facts.length > 0 ? 'New to the corpus:' : style.dim('No figure or date in it that the corpus did not already have.'));
  for (const fact of result.facts) lines.push(`  • ${fact}`);
  if (result.note) lines.push(style.yellow(`Note: ${result.note}.`));
  return lines.join('\n');
}

function printableResult(result: AddResult): AddResult {
  const text = (s: string | undefined) => (s === undefined ? undefined : printable(s));
  const common = { file: printable(result.file), title: printable(result.title), publisher: text(result.publisher), published: text(result.published), url: text(result.url) };
  return result.status === 'duplicate' ? { ...result, ...common } : { ...result, ...common, facts: result.facts.map(printable) };
}

/** As `ask --json` and `sources --json` do, a field the article does not state is null, never left out. */
function toJson(input: string, result: AddResult): string {
  const note = result.status === 'duplicate' ? null : (result.note ?? null);
  return JSON.stringify({ input, ...result, publisher: result.publisher ?? null, published: result.published ?? null, url: result.url ?? null, note });
}

/** `grok-facts add FILE|URL…`: each input added in turn; a failure is one line and the rest go on. */
export async function addInputs(corpusDir: string, dataDir: string, inputs: string[], io: AddIo): Promise<number> {
  let failed = 0;
  for (const input of inputs) {
    try {
      const result = await addArticle({ corpusDir, dataDir, input, force: io.force });
      io.out.write(`${io.json ? toJson(input, result) : describe(result, io.style)}\n`);
      if (result.status === 'duplicate') failed++;
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      failed++;
      io.err.write(`grok-facts add: ${error.message}\n`);
      // One JSON line per input, failures too, so a script reading stdout accounts for each.
      if (io.json) io.out.write(`${JSON.stringify({ input, status: 'failed', error: error.reason })}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}
