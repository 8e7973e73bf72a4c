import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';

const SLACK = 'xoxb-1234567890-abcdefghijklmnop';
const DISCORD = 'MTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.abcdefghijklmnopqrstuvwxyz012345';
const CONFIGURED = 'my-signing-secret-value';

function capture(level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level, secrets: [CONFIGURED], write: (l) => lines.push(l) }) };
}

describe('logger', () => {
  it('writes one JSON line per event, and a child carries its request id', () => {
    const { lines, logger } = capture();
    logger.child({ requestId: 'r-1' }).info('slack event', { kind: '/grok-facts', ms: 3 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'slack event', requestId: 'r-1', kind: '/grok-facts', ms: 3 });
  });

  it('never writes a token or a configured secret, wherever it appears', () => {
    const { lines, logger } = capture();
    logger.info(`token ${SLACK} in the message`, { headers: { authorization: `Bot ${DISCORD}` }, note: CONFIGURED });
    logger.error('library error', { error: new Error(`request failed with Authorization: Bearer ${SLACK} (${DISCORD})`) });
    logger.child({ token: SLACK }).warn('child', { nested: { deeper: [`x ${CONFIGURED} y`] } });
    const all = lines.join('\n');
    for (const secret of [SLACK, DISCORD, CONFIGURED]) expect(all).not.toContain(secret);
    expect(all).toContain('[redacted]');
    expect(lines).toHaveLength(3);
  });

  it('respects the level', () => {
    const { lines, logger } = capture('info');
    logger.debug('hidden');
    logger.info('shown');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });

  it('npm start never echoes a token in a configuration error', () => {
    const start = resolve(import.meta.dirname, '../../dist/adapters/start.js');
    for (const env of [{ DISCORD_TOKEN: DISCORD, PORT: 'eighty' }, { SLACK_BOT_TOKEN: `xoxp-${DISCORD}` }, { SLACK_APP_TOKEN: SLACK, SLACK_BOT_TOKEN: SLACK }]) {
      const run = spawnSync(process.execPath, [start], { env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', ...env }, encoding: 'utf8', timeout: 10_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Configuration error — (PORT|SLACK_BOT_TOKEN|SLACK_APP_TOKEN)/);
      for (const secret of [SLACK, DISCORD]) expect(run.stderr + run.stdout).not.toContain(secret);
    }
  });
});
