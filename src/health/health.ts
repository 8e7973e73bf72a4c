import type { Engine } from '../engine/engine.js';
import type { InFlight } from '../lifecycle/in-flight.js';

/** A request running longer than this means answering is wedged, not just slow. */
export const STUCK_REQUEST_MS = 30_000;
/** The answer path is exercised with a question every corpus refuses cheaply or answers. */
const PROBE = 'What is Grok V9-Medium?';

export interface HealthReport {
  ok: boolean;
  /** Each check by name, with why it failed. */
  failing: Record<string, string>;
}

/**
 * What `/healthz` reports: 200 only when the bot can really answer — it is taking events, the
 * index answers a probe question, and no request has been stuck. Logging and the database are
 * not on the list: answering works without them.
 */
export function createHealthCheck(options: { engine: Engine; inFlight: InFlight; now?: () => number }): () => HealthReport {
  const now = options.now ?? Date.now;
  return () => {
    const failing: Record<string, string> = {};
    if (!options.inFlight.accepting) failing.accepting = 'shutting down';
    try {
      const answer = options.engine.answer(PROBE);
      if (options.engine.index.passages.length === 0) failing.index = 'the corpus has no passages';
      else if (answer.status !== 'answered' && answer.status !== 'no_answer') failing.answer = 'unexpected answer';
    } catch (error) {
      failing.answer = `answering fails: ${(error as Error).message}`;
    }
    const stuck = options.inFlight.oldestMs(now());
    if (stuck > STUCK_REQUEST_MS) failing.requests = `a request has been running for ${Math.round(stuck / 1000)} s`;
    return { ok: Object.keys(failing).length === 0, failing };
  };
}
