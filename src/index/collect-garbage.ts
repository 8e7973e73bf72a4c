import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection between the steps of a large build. Each step (extracting,
 * collapsing, analysing, indexing) leaves hundreds of megabytes of scratch behind, and V8
 * collects it only once the heap has grown well past what is live, so the build's peak memory
 * was that scratch piled on the next step's: 2.0 GB at 10,000 articles with ~0.9 GB live.
 * Collected between steps, the peak is the largest step instead. Small builds skip it (a
 * collection costs more than the garbage it frees); without `gc` (a runtime that refuses the
 * flag), this does nothing.
 */
const MIN_PASSAGES = 50_000;

let gc: (() => void) | null | undefined;

function exposedGc(): (() => void) | null {
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return own;
  try {
    // --expose-gc set at run time reaches contexts made afterwards: a new one hands out `gc`.
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    return typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    return null;
  }
}

/**
 * A collection marks everything live (600 MB late in a large build, ~0.3 s), so it is worth it
 * only when the heap has grown well past what was live at the last one: after a step that mostly
 * added to the index, or just after V8 collected by itself, it frees little and is skipped. At a
 * quarter, the 20 MB article built in 15.9 s at 905 MB peak against 16.3 s at 879 MB collecting
 * every time; at a half, 15.1 s at 966 MB, too near its 1 GB target.
 */
const WORTH_COLLECTING = 0.25;

/**
 * The collections of one build: what was live at its last one is the build's own, so a bot's
 * reload is not measured against the heap of the build before it.
 */
export function stepCollector(passages: number): () => void {
  if (passages < MIN_PASSAGES) return () => {};
  let liveAfterLast = 0;
  return () => {
    if (gc === undefined) gc = exposedGc();
    if (!gc) return;
    const used = process.memoryUsage().heapUsed;
    if (liveAfterLast > 0 && used < liveAfterLast * (1 + WORTH_COLLECTING)) return;
    gc();
    liveAfterLast = process.memoryUsage().heapUsed;
  };
}
