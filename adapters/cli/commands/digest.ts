import { DateTime } from 'luxon';
import { createBotCore } from '../../../src/bot/bot-core.js';
import type { Engine } from '../../../src/engine/engine.js';
import { openDatabase } from '../../../src/store/database.js';
import type { CitationLinker } from '../../shared/citation-link.js';
import { formatDigest } from '../format-digest.js';
import type { Style } from '../style.js';

/** `grok-facts digest [--date YYYY-MM-DD] [--json]`: a digest for no channel in particular. */
export function printDigest(engine: Engine, date: string | undefined, json: boolean, style: Style, out: NodeJS.WritableStream, link?: CitationLinker): number {
  const day = date ?? DateTime.utc().toISODate()!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !DateTime.fromISO(day).isValid) {
    process.stderr.write(`grok-facts: --date must be a calendar date YYYY-MM-DD, e.g. 2026-06-01\n`);
    return 2;
  }
  const db = openDatabase(':memory:');
  try {
    const digest = createBotCore({ engine, db }).digests.standalone(day);
    out.write(`${json ? JSON.stringify(digest) : formatDigest(digest, style, link)}\n`);
    return 0;
  } finally {
    db.close();
  }
}
