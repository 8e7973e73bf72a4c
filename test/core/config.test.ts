import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, missingSlackBotToken, resolveDir } from '../../src/config/config.js';
import { projectRoot } from '../../src/config/project-root.js';

describe('config', () => {
  it('has defaults that start the console chat', () => {
    const config = loadConfig({});
    expect(config.CORPUS_DIR).toBe('seeds');
    expect(config.PORT).toBe(3000);
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('names the variable that is wrong and never echoes its value', () => {
    const secret = 'not-a-bot-token-SECRET123';
    const error = (() => {
      try {
        loadConfig({ SLACK_BOT_TOKEN: secret });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('SLACK_BOT_TOKEN');
    expect(error.message).not.toContain(secret);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it.each([
    [{ PORT: '99999' }, 'PORT must be a port number from 0 to 65535'],
    [{ PORT: '1.5' }, 'PORT must be a port number from 0 to 65535'],
    [{ RATE_USER_MAX: '-1' }, 'RATE_USER_MAX must be a whole number from 1 to 10000'],
    [{ DIGEST_TICK_SECONDS: '0' }, 'DIGEST_TICK_SECONDS must be a whole number of seconds from 1 to 3600'],
    [{ QUESTION_LOG_RETENTION_DAYS: '99999' }, 'QUESTION_LOG_RETENTION_DAYS must be a whole number of days from 1 to 3650'],
  ])('a number out of range (%j) names the variable and its range, never the value', (env, message) => {
    let error: Error | undefined;
    try {
      loadConfig(env);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toBe(`Configuration error — ${message}`);
    // The value itself, not a digit of the range ("0" is in "3600").
    const value = Object.values(env)[0]!.replace(/[.\-]/g, '\\$&');
    expect(error?.message).not.toMatch(new RegExp(`(?<![\\w.-])${value}(?![\\w.])`));
  });

  it('names the missing bot token when only part of Slack is configured, for npm start to refuse', () => {
    expect(missingSlackBotToken(loadConfig({ SLACK_SIGNING_SECRET: 'a-secret-value' }))).toBe('SLACK_BOT_TOKEN is missing: SLACK_SIGNING_SECRET is set, and Slack needs the bot token too (OAuth & Permissions, it starts with xoxb-)');
    expect(missingSlackBotToken(loadConfig({ SLACK_APP_TOKEN: 'xapp-1-abc' }))).toMatch(/^SLACK_BOT_TOKEN is missing: SLACK_APP_TOKEN is set/);
    expect(missingSlackBotToken(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBeUndefined();
    // Empty values (as .env.example has them) are unset.
    expect(missingSlackBotToken(loadConfig({ SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' }))).toBeUndefined();
  });

  it('treats an empty value (PORT= as .env.example has it) as unset: the default applies', () => {
    const config = loadConfig({ PORT: '', DATA_DIR: '', CORPUS_DIR: ' ', LOG_LEVEL: '', DIGEST_DEFAULT_TZ: '', DIGEST_TICK_SECONDS: '', RATE_USER_MAX: '' });
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: 'data', CORPUS_DIR: 'seeds', LOG_LEVEL: 'info', DIGEST_DEFAULT_TZ: 'UTC', DIGEST_TICK_SECONDS: 30, RATE_USER_MAX: 5 });
    expect(loadConfig({ PORT: '0' }).PORT).toBe(0);
  });

  it('LOG_LEVEL lists the levels and never echoes what was given', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'nonsense-xoxb-SECRET' })).toThrow(/^Configuration error — LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent$/);
  });

  it('Discord ids are described as 17–20 digit snowflakes', () => {
    expect(() => loadConfig({ DISCORD_APP_ID: '123' })).toThrow(/DISCORD_APP_ID must be the Application ID: a 17–20 digit snowflake/);
    expect(() => loadConfig({ DISCORD_GUILD_ID: '12345' })).toThrow(/DISCORD_GUILD_ID must be a server id: a 17–20 digit snowflake/);
    expect(loadConfig({ DISCORD_APP_ID: '1234567890123456789' }).DISCORD_APP_ID).toBe('1234567890123456789');
  });
});

describe('PUBLIC_URL', () => {
  it('refuses a path, which the pages are not served under, in one line naming PUBLIC_URL', () => {
    for (const bad of ['http://127.0.0.1:3200/base/', 'https://facts.example.com/base', 'https://facts.example.com/?x=1', 'https://facts.example.com/#top']) {
      expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow(/^Configuration error — PUBLIC_URL must be the site address without a path, query or fragment[^\n]*$/);
    }
    expect(() => loadConfig({ PUBLIC_URL: 'facts.example.com' })).toThrow(/PUBLIC_URL must be an http\(s\) URL/);
  });

  it('takes the root with or without its slash, kept without it so no link has "//"', () => {
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3200/' }).PUBLIC_URL).toBe('http://127.0.0.1:3200');
    expect(loadConfig({ PUBLIC_URL: 'https://facts.example.com' }).PUBLIC_URL).toBe('https://facts.example.com');
  });

  it('resolves a relative folder from the working folder, then the project, and makes a new one where the person is', () => {
    const away = mkdtempSync(join(tmpdir(), 'grok-facts-cwd-'));
    mkdirSync(join(away, 'mine'));
    const before = process.cwd();
    process.chdir(away);
    try {
      expect(resolveDir('mine')).toBe(join(away, 'mine'));
      expect(resolveDir('seeds')).toBe(resolve(projectRoot(), 'seeds'));
      // Neither has it: a folder a person named is made in the working folder, never inside the
      // (possibly installed) project; the default data folder stays the project's, wherever it starts.
      expect(resolveDir('articles-not-made-yet')).toBe(join(away, 'articles-not-made-yet'));
      expect(resolveDir('data')).toBe(resolve(projectRoot(), 'data'));
      expect(resolveDir('/abs/path')).toBe('/abs/path');
    } finally {
      process.chdir(before);
    }
  });
});
