import type { Engine } from '../../../src/engine/engine.js';
import type { Style } from '../style.js';

export function listSources(engine: Engine, json: boolean, style: Style, out: NodeJS.WritableStream): number {
  const sources = engine.sources();
  if (json) {
    out.write(`${JSON.stringify(sources)}\n`);
    return 0;
  }
  for (const s of sources) {
    const meta = [s.publisher, s.published].filter(Boolean).join(', ');
    out.write(`${style.bold(s.title)}${meta ? style.dim(` — ${meta}`) : ''}\n  ${s.file} · ${s.passages} passages\n`);
  }
  out.write(style.dim(`${sources.length} articles, ${engine.index.passages.length} distinct passages\n`));
  return 0;
}
