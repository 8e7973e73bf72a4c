import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The lines of a saved index (after its checksum line), read a chunk at a time: loading a large
 * index never holds its file whole, as bytes or as one string, beside the index being made.
 * The checksum covers every byte after the first line and is checked when the end is reached:
 * the last line is given out only once the whole file has been verified, so a reader that
 * takes every line has read a file that is exactly what was saved.
 */
const CHUNK = 1 << 22;

/**
 * Lines a reader leaves in the file, to read later by where they stand (lazy-passages.ts):
 * `skip(n)` is asked for each line n (from 0, after the checksum line); a skipped line is
 * hashed but not decoded, given out as '', and its byte offset and length pushed to `spans`.
 */
export interface LeftInFile {
  skip(line: number): boolean;
  spans: number[];
}

export function* savedLines(path: string, leave?: LeftInFile): Generator<string, void, undefined> {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(65);
    if (readSync(fd, head, 0, 65, 0) !== 65 || head[64] !== 10) throw new Error('checksum mismatch (truncated or corrupted)');
    const expected = head.toString('latin1', 0, 64);
    const hash = createHash('sha256');
    // A small index (the seeds: 175 KB) is read in one piece no larger than itself.
    const size = Math.max(1, Math.min(CHUNK, fstatSync(fd).size - 65));
    const chunk = Buffer.allocUnsafe(size);
    let pending: Buffer[] = [];
    let lineNumber = 0;
    let lineStart = 65;
    for (let position = 65; ; ) {
      const n = readSync(fd, chunk, 0, size, position);
      if (n === 0) break;
      position += n;
      const data = chunk.subarray(0, n);
      const chunkStart = position - n;
      hash.update(data);
      let start = 0;
      // A newline byte never stands inside a UTF-8 sequence, so lines split on bytes decode whole.
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        const skipped = leave?.skip(lineNumber) === true;
        let line = '';
        if (skipped) leave!.spans.push(lineStart, chunkStart + nl - lineStart);
        else {
          const piece = data.subarray(start, nl);
          line = pending.length > 0 ? Buffer.concat([...pending, piece]).toString('utf8') : piece.toString('utf8');
        }
        pending = [];
        start = nl + 1;
        lineNumber++;
        lineStart = chunkStart + start;
        yield line;
      }
      // The chunk is reused: what is left of it is copied (unless the line is left in the file).
      if (start < n && leave?.skip(lineNumber) !== true) pending.push(Buffer.from(data.subarray(start)));
    }
    const last = Buffer.concat(pending).toString('utf8');
    pending = [];
    if (hash.digest('hex') !== expected) throw new Error('checksum mismatch (truncated or corrupted)');
    yield last;
  } finally {
    closeSync(fd);
  }
}
