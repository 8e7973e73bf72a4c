import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

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
});
