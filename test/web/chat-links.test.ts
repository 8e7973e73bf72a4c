import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswer as renderDiscord } from '../../adapters/discord/render-answer.js';
import { citationLinker } from '../../adapters/shared/citation-link.js';
import { renderAnswer as renderSlack } from '../../adapters/slack/blocks/render-answer.js';
import { renderDigest as renderDiscordDigest } from '../../adapters/discord/render-digest.js';
import { renderDigest as renderSlackDigest } from '../../adapters/slack/blocks/render-digest.js';
import type { Answer } from '../../src/answer/schema.js';
import { createBotCore } from '../../src/bot/bot-core.js';
import { InsightsSchema } from '../../src/insights/schema.js';
import { openDatabase } from '../../src/store/database.js';
import { seedEngine } from '../helpers/engine.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'dist/cli/main.js');
const PUBLIC = 'https://facts.example.com/';
const link = citationLinker(PUBLIC);

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PUBLIC_URL: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let answer: Answer;
beforeAll(async () => {
  answer = (await seedEngine()).answer('How many parameters does Grok V9 Medium have?');
});
const urlOf = (c: { source: string; start: number; end: number }) => `https://facts.example.com/sources/${c.source}?at=${c.start}-${c.end}#passage`;

describe('citation links from chat, with PUBLIC_URL', () => {
  it('Discord: one link button per citation, above the feedback buttons', () => {
    const { components } = renderDiscord(answer, 'id1', link);
    expect(components).toHaveLength(2);
    const urls = components[0]!.components.map((b) => ('url' in b ? b.url : undefined));
    expect(urls).toEqual(answer.citations.map(urlOf));
    expect(components[1]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toHaveLength(2);
  });

  it('Slack: each citation’s title links to its passage in the context block', () => {
    const { blocks } = renderSlack(answer, 'id1', { restate: true, share: true, link });
    const contexts = blocks.filter((b) => b.type === 'context').map((b) => JSON.stringify(b));
    expect(contexts).toHaveLength(answer.citations.length);
    answer.citations.forEach((c, i) => expect(contexts[i]).toContain(`<${urlOf(c)}|`));
  });

  it('grok-facts ask prints each citation’s URL', () => {
    const { code, stdout } = cli(['ask', 'How many parameters does Grok V9 Medium have?'], { PUBLIC_URL: PUBLIC });
    expect(code).toBe(0);
    for (const c of answer.citations) expect(stdout).toContain(urlOf(c));
  });
});

describe('without PUBLIC_URL nothing changes', () => {
  it('in Discord, Slack and the terminal', () => {
    expect(renderDiscord(answer, 'id1', citationLinker(undefined))).toEqual(renderDiscord(answer, 'id1'));
    expect(renderSlack(answer, 'id1', { restate: true, share: true, link: citationLinker(undefined) })).toEqual(renderSlack(answer, 'id1', { restate: true, share: true }));
    expect(cli(['ask', 'How many parameters does Grok V9 Medium have?']).stdout).not.toContain('/sources/');
  });
});

describe('grok-facts report', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gf-report-'));
    const db = openDatabase(dataDir);
    const core = createBotCore({ engine: await seedEngine(), db });
    core.ask('Who won the 1998 World Cup?', { platform: 'slack', workspace: 'T' });
    core.ask('who won the 1998 world cup', { platform: 'slack', workspace: 'T' });
    core.ask('How many parameters does Grok V9 Medium have?', { platform: 'slack', workspace: 'T' });
    db.close();
  });

  it('prints the insights, refused questions grouped', () => {
    const { code, stdout } = cli(['report', '--days', '3'], { DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect(stdout).toContain('last 3 days');
    expect(stdout).toContain('1 answered, 2 refused');
    expect(stdout).toMatch(/2×\s+who won the 1998 world cup/i);
    expect(stdout).toContain('5 articles');
  });

  it('lists the files the corpus skips, with why', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'gf-report-corpus-'));
    cpSync(join(ROOT, 'seeds'), corpus, { recursive: true });
    writeFileSync(join(corpus, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x41]));
    const { code, stdout } = cli(['report'], { DATA_DIR: dataDir, CORPUS_DIR: corpus });
    expect(code).toBe(0);
    expect(stdout).toContain('skipped broken.txt: is not UTF-8 text');
    expect(cli(['report'], { DATA_DIR: dataDir }).stdout).toContain('no files skipped');
  });

  it('--json is the same insights as one schema-valid JSON line', () => {
    const { code, stdout } = cli(['report', '--json'], { DATA_DIR: dataDir });
    expect(code).toBe(0);
    const insights = InsightsSchema.parse(JSON.parse(stdout));
    expect(insights.perDay).toHaveLength(30);
    expect(insights.topRefused[0]).toMatchObject({ count: 2 });
  });

  it('a bad --days gets one line and exit 2', () => {
    const { code, stderr } = cli(['report', '--days', 'lots'], { DATA_DIR: dataDir });
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(/--days/);
    expect(cli(['report', '--days', '0'], { DATA_DIR: dataDir }).code).toBe(2);
  });
});

describe('the daily digest’s fact of the day, with PUBLIC_URL', () => {
  it('links to its passage on Discord, Slack and in the terminal, and without PUBLIC_URL nothing changes', async () => {
    const core = createBotCore({ engine: await seedEngine(), db: openDatabase(':memory:') });
    const digest = core.digests.standalone('2026-06-01');
    const fact = digest.factOfTheDay!.citation;
    const url = urlOf(fact);
    expect(JSON.stringify(renderDiscordDigest(digest, link))).toContain(`[Read in context](${url})`);
    expect(JSON.stringify(renderSlackDigest(digest, link))).toContain(`<${url}|`);
    expect(renderDiscordDigest(digest, citationLinker(undefined))).toEqual(renderDiscordDigest(digest));
    expect(renderSlackDigest(digest, citationLinker(undefined))).toEqual(renderSlackDigest(digest));
    const { code, stdout } = cli(['digest', '--date', '2026-06-01'], { PUBLIC_URL: PUBLIC });
    expect(code).toBe(0);
    expect(stdout).toContain(url);
    expect(cli(['digest', '--date', '2026-06-01']).stdout).not.toContain('/sources/');
  });
});
