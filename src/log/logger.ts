import { pino, stdSerializers, type Logger as Pino } from 'pino';
import { readableFromJson } from './readable.js';

/**
 * Structured logs: one JSON line per event on stderr (pino), with a request id where an event
 * has one. Two layers keep secrets out: known places (Authorization headers, token fields)
 * are censored by path, and every finished line is scrubbed of the configured secret values
 * and of anything shaped like a Slack or Discord token — so a token pasted into the wrong
 * variable, or echoed inside a library's error message, never reaches the log.
 */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  /** A logger whose every line also carries `bindings` (e.g. a request id). */
  child(bindings: Record<string, unknown>): Logger;
}

// Slack tokens, Discord bot tokens (three dot-separated base64 parts), Bearer/Bot credentials.
const SECRET_PATTERNS = [
  /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g,
  /\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}\b/g,
  /\b(Bearer|Bot)\s+[A-Za-z0-9._-]{8,}/g,
];

const REDACT_PATHS = [
  'headers.authorization', '*.headers.authorization', '*.*.headers.authorization',
  'token', '*.token', 'signingSecret', '*.signingSecret', 'appToken', '*.appToken', 'botToken', '*.botToken',
];

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[redacted]');
  return out;
}

function wrap(log: Pino): Logger {
  return {
    error: (m, f) => log.error(f ?? {}, m),
    warn: (m, f) => log.warn(f ?? {}, m),
    info: (m, f) => log.info(f ?? {}, m),
    debug: (m, f) => log.debug(f ?? {}, m),
    child: (bindings) => wrap(log.child(bindings)),
  };
}

let stderrBroken = false;

/**
 * stderr as a log sink that can never hurt the bot: once its reader is gone (EPIPE, `| head -1`)
 * lines are dropped. Without the error listener a closed pipe becomes an uncaught exception,
 * whose handler logs to stderr again, and the process spins in that loop instead of answering.
 */
function stderrSink(): (line: string) => void {
  if (process.stderr.listenerCount('error') === 0) process.stderr.on('error', () => (stderrBroken = true));
  return (line) => {
    if (stderrBroken || process.stderr.destroyed || !process.stderr.writable) return;
    try {
      process.stderr.write(line);
    } catch {
      stderrBroken = true;
    }
  };
}

/** A custom sink that throws loses that line, never the caller's work. */
function guarded(write: (line: string) => void): (line: string) => void {
  return (line) => {
    try {
      write(line);
    } catch {
      // Logging is best-effort by design.
    }
  };
}

export function createLogger(options: { level?: LogLevel; secrets?: readonly string[]; write?: (line: string) => void; readable?: boolean } = {}): Logger {
  const secrets = (options.secrets ?? []).filter(Boolean);
  const sink = guarded(options.write ?? stderrSink());
  // Readable lines are made from the finished (redacted) JSON, so they are as clean as it is.
  const write = options.readable ? (line: string) => sink(readableFromJson(line)) : sink;
  return wrap(
    pino(
      {
        level: options.level ?? 'info',
        base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        serializers: { error: stdSerializers.err, err: stdSerializers.err },
        redact: { paths: REDACT_PATHS, censor: '[redacted]' },
        hooks: { streamWrite: (line) => redact(line, secrets) },
      },
      { write },
    ),
  );
}
