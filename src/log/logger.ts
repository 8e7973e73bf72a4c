/**
 * One JSON line per event on stderr. Values that look like credentials are redacted before
 * anything is written, so a token pasted into the wrong variable or echoed by a library error
 * never reaches the log.
 */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 99 };

// Slack tokens, Discord bot tokens (three dot-separated base64 parts), Bearer/Bot headers.
const SECRET_PATTERNS = [
  /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g,
  /\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}\b/g,
  /\b(Bearer|Bot)\s+[A-Za-z0-9._-]{8,}/g,
];

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[redacted]');
  return out;
}

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function createLogger(options: { level?: LogLevel; secrets?: readonly string[]; write?: (line: string) => void } = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const secrets = (options.secrets ?? []).filter(Boolean);
  const emit = (level: LogLevel, message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < threshold) return;
    const entry = { level, time: new Date().toISOString(), msg: message, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, describe(v)])) };
    write(`${redact(JSON.stringify(entry), secrets)}\n`);
  };
  return {
    error: (m, f) => emit('error', m, f),
    warn: (m, f) => emit('warn', m, f),
    info: (m, f) => emit('info', m, f),
    debug: (m, f) => emit('debug', m, f),
  };
}
