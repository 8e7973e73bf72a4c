import { StringDecoder } from 'node:string_decoder';

/** Longer than any question may be, so a cut line is still reported as too long, never answered. */
export const MAX_KEPT_LINE = 4096;

/**
 * The lines of a stream, pulled one chunk at a time: the stream is read only as fast as the
 * caller consumes lines (backpressure), and a line is kept only up to `maxKept` characters, so
 * memory stays flat whatever the input's size or its longest line.
 */
export async function* readLines(input: NodeJS.ReadableStream, maxKept = MAX_KEPT_LINE): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let line = '';
  let dropping = false;
  const take = (piece: string) => {
    if (dropping) return;
    line += piece;
    if (line.length > maxKept) {
      line = line.slice(0, maxKept);
      dropping = true;
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let from = 0;
    for (let nl = text.indexOf('\n', from); nl !== -1; nl = text.indexOf('\n', from)) {
      take(text.slice(from, nl));
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      line = '';
      dropping = false;
      from = nl + 1;
    }
    take(text.slice(from));
  }
  take(decoder.end());
  if (line !== '') yield line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Writes, and waits when the stream's buffer is full, so a slow reader holds the writer back. */
export async function writeWithBackpressure(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (out.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}
