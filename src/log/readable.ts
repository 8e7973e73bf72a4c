/**
 * A log line as a person reads it in a terminal: `warning: message (key=value, …)`. Used where a
 * person watches the log scroll by (the console chat, the grok-facts command); files and pipes
 * keep the JSON lines.
 */
import { ownEntry } from '../text/own-entry.js';

const LABELS: Record<string, string> = { fatal: 'error', error: 'error', warn: 'warning', info: 'note', debug: 'debug', trace: 'trace' };
const QUIET_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'message' in value) return String((value as { message: unknown }).message);
  return JSON.stringify(value);
}

export function readableLine(level: string, message: string, fields: Record<string, unknown> = {}): string {
  const details = Object.entries(fields)
    .filter(([key, value]) => !QUIET_FIELDS.has(key) && value !== undefined && !message.includes(show(value)))
    .map(([key, value]) => `${key}=${show(value)}`);
  return `grok-facts ${ownEntry(LABELS, level) ?? level}: ${message}${details.length > 0 ? ` (${details.join(', ')})` : ''}\n`;
}

/** The same, from a finished JSON log line (already redacted); a line that isn't JSON passes as it is. */
export function readableFromJson(line: string): string {
  try {
    const { level, msg, ...fields } = JSON.parse(line) as { level: string; msg: string };
    return readableLine(level, msg ?? '', fields);
  } catch {
    return line;
  }
}
