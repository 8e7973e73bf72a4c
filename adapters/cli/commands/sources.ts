import type { Engine } from '../../../src/engine/engine.js';
import type { Style } from '../style.js';

/** The indexed articles, and the files left out with why. JSON fields a source lacks are null. */
export function listSources(engine: Engine, json: boolean, style: Style, out: NodeJS.WritableStream): number {
  const sources = engine.sources();
  if (json) {
    out.write(`${JSON.stringify(sources.map((s) => ({ ...s, publisher: s.publisher ?? null, published: s.published ?? null, url: s.url ?? null })))}\n`);
    return 0;
  }
  for (const s of sources) {
    const meta = [s.publisher, s.published].filter(Boolean).join(', ');
    out.write(`${style.bold(s.title)}${meta ? style.dim(` — ${meta}`) : ''}\n  ${s.file} · ${s.passages} passages\n`);
  }
  const skipped = engine.skipped();
  for (const s of skipped) out.write(`${style.yellow(`skipped ${s.file}`)}: ${s.reason}\n`);
  const articles = `${sources.length} ${sources.length === 1 ? 'article' : 'articles'}`;
  const left = skipped.length > 0 ? `, ${skipped.length} ${skipped.length === 1 ? 'file' : 'files'} skipped` : '';
  out.write(style.dim(`${articles}, ${engine.index.passages.length} distinct passages${left}\n`));
  return 0;
}
