/** Terminal colour, only when a person is watching and has not asked for none (https://no-color.org). */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  cyan(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function styleFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Style {
  const colour = Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  if (!colour) return { bold: plain, dim: plain, cyan: plain, yellow: plain, red: plain };
  return { bold: wrap(1, 22), dim: wrap(2, 22), cyan: wrap(36, 39), yellow: wrap(33, 39), red: wrap(31, 39) };
}
