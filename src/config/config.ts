import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { isValidTimeZone } from './time-zone.js';
import { DEFAULT_LIMITS, type RateLimits } from '../rate-limit/rate-limiter.js';
import { projectRoot } from './project-root.js';

export { projectRoot } from './project-root.js';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/**
 * An empty value (`PORT=` as .env.example invites) means "not set": the default applies, rather
 * than Number('') = 0 (a random port) or a "too short" error for a folder.
 */
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const setting = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(unsetIfEmpty, schema);

/**
 * A whole number in a range. Every failure — not a number, a fraction, out of range — says the
 * variable and the range in the same words; zod's own ("Number must be less than or equal to
 * 65535") names neither, and no message echoes the value.
 */
const wholeNumber = (name: string, what: string, min: number, max: number, fallback: number) => {
  const message = `${name} must be ${what} from ${min} to ${max}`;
  return setting(z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message).default(fallback));
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** Discord ids are snowflakes: 17 to 20 digits today. */
const SNOWFLAKE = /^\d{17,20}$/;

const isSiteRoot = (url: URL): boolean => url.pathname === '/' && url.search === '' && url.hash === '';

const urlText = (name: string) =>
  optionalText.refine((v) => v === undefined || URL.canParse(v), `${name} must be a URL such as http://127.0.0.1:3001/api`);

/** Where the corpus and the bot's data live unless set: folders of the project. */
const DEFAULT_CORPUS_DIR = 'seeds';
const DEFAULT_DATA_DIR = 'data';

/**
 * Every setting comes from the environment. Error messages name the variable and what is
 * expected, never the value: the value might be a token pasted in the wrong place.
 */
export const ConfigSchema = z.object({
  CORPUS_DIR: setting(z.string().trim().default(DEFAULT_CORPUS_DIR)),
  DATA_DIR: setting(z.string().trim().default(DEFAULT_DATA_DIR)),
  // The enum's own message quotes the value it received; this one does not.
  LOG_LEVEL: setting(z.enum(LOG_LEVELS, { errorMap: () => ({ message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }) }).default('info')),
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText.refine((v) => v === undefined || SNOWFLAKE.test(v), 'DISCORD_APP_ID must be the Application ID: a 17–20 digit snowflake (General Information)'),
  DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || SNOWFLAKE.test(v), 'DISCORD_GUILD_ID must be a server id: a 17–20 digit snowflake'),
  DISCORD_API_BASE: urlText('DISCORD_API_BASE'),
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), 'SLACK_BOT_TOKEN must be a bot token (it starts with xoxb-)'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), 'SLACK_APP_TOKEN must be an app-level token (it starts with xapp-)'),
  SLACK_API_URL: urlText('SLACK_API_URL'),
  SLACK_CONNECT_TIMEOUT_SECONDS: wholeNumber('SLACK_CONNECT_TIMEOUT_SECONDS', 'a whole number of seconds', 1, 600, 30),
  /** Where people reach the bot's web pages, e.g. https://facts.example.com: citations link there when set. */
  PUBLIC_URL: optionalText
    .refine((v) => v === undefined || (/^https?:\/\/[^/\s]+/.test(v) && URL.canParse(v)), 'PUBLIC_URL must be an http(s) URL such as https://facts.example.com')
    // The pages are served at the root of PORT: a path (/base/) would make every link and the banner point
    // at pages that are not there, so it is refused here rather than half-served.
    .refine((v) => v === undefined || !URL.canParse(v) || isSiteRoot(new URL(v)), 'PUBLIC_URL must be the site address without a path, query or fragment, such as https://facts.example.com (the pages are served at the root)')
    // Kept as the bare origin, so "https://x/" and "https://x" give the same links and no "//sources".
    .transform((v) => (v === undefined ? undefined : new URL(v).origin)),
  /** Enables the /admin page; logged in with through a form, never put in a URL. */
  ADMIN_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, 'ADMIN_TOKEN must be at least 16 characters'),
  PORT: wholeNumber('PORT', 'a port number', 0, 65535, 3000),
  DIGEST_DEFAULT_TZ: setting(
    z
      .string()
      .trim()
      .default('UTC')
      .refine((zone) => isValidTimeZone(zone), 'DIGEST_DEFAULT_TZ must be an IANA time zone such as Europe/Berlin or UTC'),
  ),
  /** How often the digest scheduler looks for due digests. */
  DIGEST_TICK_SECONDS: wholeNumber('DIGEST_TICK_SECONDS', 'a whole number of seconds', 1, 3600, 30),
  /** Questions a user may ask per RATE_USER_WINDOW_SECONDS, and a channel per RATE_CHANNEL_WINDOW_SECONDS. */
  RATE_USER_MAX: wholeNumber('RATE_USER_MAX', 'a whole number', 1, 10_000, 5),
  RATE_USER_WINDOW_SECONDS: wholeNumber('RATE_USER_WINDOW_SECONDS', 'a whole number of seconds', 1, 86_400, 30),
  RATE_CHANNEL_MAX: wholeNumber('RATE_CHANNEL_MAX', 'a whole number', 1, 100_000, 30),
  RATE_CHANNEL_WINDOW_SECONDS: wholeNumber('RATE_CHANNEL_WINDOW_SECONDS', 'a whole number of seconds', 1, 86_400, 60),
  /** Days the question log (text only) is kept for "most asked". */
  QUESTION_LOG_RETENTION_DAYS: wholeNumber('QUESTION_LOG_RETENTION_DAYS', 'a whole number of days', 1, 3650, 30),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * SLACK_SIGNING_SECRET or SLACK_APP_TOKEN without SLACK_BOT_TOKEN: half of Slack's credentials,
 * said in a line naming what is missing. Only `npm start` asks (a CLI command needs no Slack).
 */
export function missingSlackBotToken(config: Config): string | undefined {
  if (config.SLACK_BOT_TOKEN !== undefined) return undefined;
  const part = config.SLACK_SIGNING_SECRET !== undefined ? 'SLACK_SIGNING_SECRET' : config.SLACK_APP_TOKEN !== undefined ? 'SLACK_APP_TOKEN' : undefined;
  return part && `SLACK_BOT_TOKEN is missing: ${part} is set, and Slack needs the bot token too (OAuth & Permissions, it starts with xoxb-)`;
}

/** Reads `.env` when present (real environment variables win), then validates. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = join(process.cwd(), '.env')): Config {
  if (env === process.env && existsSync(envFile)) {
    try {
      process.loadEnvFile(envFile);
    } catch {
      throw new ConfigError(`.env could not be read: check its syntax (KEY=value per line)`);
    }
  }
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
    throw new ConfigError(`Configuration error — ${message}`);
  }
  return parsed.data;
}

/**
 * A relative CORPUS_DIR or DATA_DIR: the working folder's when it is there, else the project's when
 * that is there (the shipped seeds/ from anywhere). One neither holds yet is made in the project
 * when it is the default (so the bot's data stays in one place, wherever it is started from: a
 * service's working folder is often /), and in the working folder when a person named it (made in
 * the project, an installed copy put it inside node_modules, to be lost on the next install).
 */
export function resolveDir(dir: string): string {
  if (isAbsolute(dir)) return dir;
  const fromCwd = resolve(process.cwd(), dir);
  if (existsSync(fromCwd)) return fromCwd;
  const fromProject = resolve(projectRoot(), dir);
  if (existsSync(fromProject)) return fromProject;
  return dir === DEFAULT_CORPUS_DIR || dir === DEFAULT_DATA_DIR ? fromProject : fromCwd;
}

/** The rate limits the configuration asks for. */
export function rateLimitsOf(config: Config): RateLimits {
  return {
    userQuestions: { capacity: config.RATE_USER_MAX, windowMs: config.RATE_USER_WINDOW_SECONDS * 1000 },
    channelQuestions: { capacity: config.RATE_CHANNEL_MAX, windowMs: config.RATE_CHANNEL_WINDOW_SECONDS * 1000 },
    channelDigestCommands: DEFAULT_LIMITS.channelDigestCommands,
  };
}
