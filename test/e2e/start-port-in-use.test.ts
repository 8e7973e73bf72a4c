import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/fake-slack.js';

const ROOT = resolve(import.meta.dirname, '../..');
const START = resolve(ROOT, 'dist/adapters/start.js');

function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'grok-port-'));
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', PUBLIC_URL: '', ADMIN_TOKEN: '', DATA_DIR: dataDir, ...env },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += String(c)));
  return new Promise((r) => child.once('exit', (code) => r({ code, stderr })));
}

// Slack checks the bot token before serving, so the Slack case needs an API that accepts it.
const slack = new FakeSlack();
beforeAll(() => slack.start());
afterAll(() => slack.close());

describe('npm start on a port already in use', () => {
  let holder: Server | undefined;
  afterEach(() => holder?.close());

  it.each([
    ['the console chat with its web pages', { ADMIN_TOKEN: 'a-test-admin-token-long-enough' }],
    ['Slack over HTTP', () => ({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: slack.apiUrl })],
  ])('%s names PORT and the port in one line, no stack trace', async (_name, envOf) => {
    const env = typeof envOf === 'function' ? envOf() : envOf;
    holder = createServer();
    await new Promise<void>((r) => holder!.listen(0, r));
    const port = (holder.address() as { port: number }).port;
    const { code, stderr } = await run({ ...env, PORT: String(port) });
    expect(code).toBe(1);
    expect(stderr).toContain(`grok-facts: could not start — PORT ${port} is already in use`);
    expect(stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
  });
});
