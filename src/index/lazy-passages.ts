import { closeSync, openSync, readSync } from 'node:fs';
import type { IndexedPassage } from './index-model.js';

/**
 * The passages of a saved index, each read from the file the first time it is asked for. A
 * one-shot `ask` reads the handful a question reaches instead of all of them: for the 20 MB
 * article, parsing 188,000 passage lines was most of a load's time and memory.
 *
 * `spans` holds each passage line's byte offset and length in the file (see savedLines); the
 * file was verified whole by its checksum when the index was loaded, and is kept open, so a
 * newer index saved over it (a rename) does not change what is read.
 */
export interface LazyReader {
  /** The saved line of passage `id`, read from the file again. */
  lineOf(id: number): string;
  /** Passage `id` if it has been read already. */
  known(id: number): IndexedPassage | undefined;
}

export function lazyPassages(path: string, spans: readonly number[], parse: (id: number, reader: LazyReader) => IndexedPassage): IndexedPassage[] {
  const count = spans.length / 2;
  const fd = openSync(path, 'r');
  // The file is read for as long as the index is in use: closed with the process, or once every passage is in.
  let open = true;
  let read = 0;
  const store: (IndexedPassage | undefined)[] = new Array(count);
  const reader: LazyReader = {
    lineOf(id) {
      const buffer = Buffer.allocUnsafe(spans[2 * id + 1]!);
      if (!open || readSync(fd, buffer, 0, buffer.length, spans[2 * id]!) !== buffer.length) throw new Error('saved index changed under its lazy passages');
      return buffer.toString('utf8');
    },
    known: (id) => store[id],
  };
  const passage = (id: number): IndexedPassage => {
    let p = store[id];
    if (p === undefined) {
      p = store[id] = parse(id, reader);
      if (++read === count) {
        closeSync(fd);
        open = false;
      }
    }
    return p;
  };
  // An array to every reader (index, length, iteration and array methods), filled on demand.
  return new Proxy(store as IndexedPassage[], {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const id = Number(key);
        if (Number.isInteger(id) && id >= 0 && id < count && String(id) === key) return passage(id);
      }
      return Reflect.get(target, key, receiver);
    },
    set() {
      throw new Error('the passages of an index are read-only');
    },
  });
}
