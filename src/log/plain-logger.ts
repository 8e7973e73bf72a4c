import type { Logger } from './logger.js';
import { readableLine } from './readable.js';

/**
 * A logger for the `grok-facts` commands: readable lines on stderr, warnings and up (and notes,
 * such as a corpus reload, in the chat).
 * It does not load pino, so `grok-facts ask` starts as fast as before.
 */
export function createPlainLogger(write: (line: string) => void, bindings: Record<string, unknown> = {}, level: 'warn' | 'info' = 'warn'): Logger {
  const emit = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    try {
      write(readableLine(level, message, { ...bindings, ...fields }));
    } catch {
      // Best-effort, like every log.
    }
  };
  return {
    error: emit('error'),
    warn: emit('warn'),
    info: level === 'info' ? emit('info') : () => undefined,
    debug: () => undefined,
    child: (more) => createPlainLogger(write, { ...bindings, ...more }, level),
  };
}
