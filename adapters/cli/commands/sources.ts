import type { Engine } from '../../../src/engine/engine.js';
import type { Style } from '../style.js';
import { count } from '../../shared/plural.js';
import { printable } from '../../../src/text/printable.js';

/** The indexed articles, and the files left out with why. JSON fields a source lacks are null. */
export function listSources(engine: Engine, json: boolean, style: Style, out: NodeJS.WritableStream): number {
  const sources = engine.sources();
  if (json) {
    out.write(`${JSON.stringify(sources.map((s) => ({ ...s, publisher: s.publisher ?? null, published: s.published ?? null, url: s.url ?? null })))}\n`);
    return 0;
  }
  for (const s of sources) {
    // Titles and names come from the files: their control characters are written out, never sent to the terminal.
    const meta = printable([s.publisher, s.published].filter(Boolean).join(', '));
    out.write(`${style.bold(printable(s.title))}${meta ? style.dim(` — ${meta}`) : ''}\n  ${printable(s.file)} · ${count(s.passages, 'passage')}\n`);
  }
  const skipped = engine.skipped();
  for (const s of skipped) out.write(`${style.yellow(`skipped ${printable(s.file)}`)}: ${printable(s.reason)}\n`);
  const left = skipped.length > 0 ? `, ${count(skipped.length, 'file')} skipped` : '';
  out.write(style.dim(`${count(sources.length, 'article')}, ${count(engine.index.passages.length, 'distinct passage')}${left}\n`));
  return 0;
}
