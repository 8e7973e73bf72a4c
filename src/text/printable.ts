/**
 * Text echoed back to a terminal (a bad question, a file's bytes in a parse error) with its
 * control characters written out ("\x1b"), so an escape sequence in the input cannot recolour,
 * move or clear the reader's terminal, and a binary file shows as text rather than noise.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
