import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../../adapters/cli/format-answer.js';
import { styleFor } from '../../adapters/cli/style.js';
import { renderAnswer as renderDiscord } from '../../adapters/discord/render-answer.js';
import { answerSegments } from '../../adapters/shared/answer-segments.js';
import { renderAnswer as renderSlack } from '../../adapters/slack/blocks/render-answer.js';
import { formatReport } from '../../adapters/cli/commands/report.js';
import { adminPage } from '../../adapters/web/pages/admin-page.js';
import { createBotCore } from '../../src/bot/bot-core.js';
import { createEngine } from '../../src/engine/engine.js';
import { collectInsights } from '../../src/insights/collect-insights.js';
import { createCorpusStatus } from '../../src/insights/corpus-status.js';
import { openDatabase } from '../../src/store/database.js';

// A Markdown article: the quote (raw slice) keeps `**` and the link syntax; people must see `display`.
const MD = '- The Grok V9-Medium **training run** used [Colossus](https://example.com) with 77 petabytes of data.\n';
const QUESTION = 'how many petabytes of data?';
const corpusDir = mkdtempSync(join(tmpdir(), 'grok-facts-md-display-'));
writeFileSync(join(corpusDir, 'md.md'), MD);

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'dist/cli/main.js');

/** Markdown syntax that must never reach a person: bold markers and `[text](url)` links. */
function expectNoMarkup(shown: string): void {
  expect(shown).toContain('77 petabytes');
  expect(shown).not.toContain('**training run**');
  expect(shown).not.toContain('](https://example.com)');
  expect(shown).not.toContain('[Colossus]');
}

describe('a Markdown quote is shown without its markup', async () => {
  const engine = await createEngine({ corpusDir });
  const answer = engine.answer(QUESTION);
  const cited = answer.citations[0]!;

  it('the answer keeps the raw quote for offsets and the clean display for people', () => {
    expect(answer.status).toBe('answered');
    expect(cited.quote).toContain('**training run**');
    expect(cited.display).toContain('training run used Colossus with 77 petabytes');
    expect(answerSegments(answer)).toEqual([{ text: cited.display, n: 1 }]);
    // A heading-less Markdown file is titled from its first passage as shown, not the raw line.
    expect(cited.title).toBe(cited.display);
  });

  it('in the terminal', () => {
    const shown = formatAnswer(answer, styleFor({ isTTY: false } as NodeJS.WriteStream));
    expectNoMarkup(shown);
    expect(shown).toContain(`${cited.display} [#1]`);
  });

  it('on Discord', () => {
    const embed = renderDiscord(answer, 'a1').embeds[0]!;
    expectNoMarkup(embed.description!);
    expectNoMarkup(JSON.stringify(embed.fields));
    expect(embed.description).toContain(`${cited.display} **[#1]**`);
  });

  it('on Slack', () => {
    const json = JSON.stringify(renderSlack(answer, 'a1', { restate: false, share: false }).blocks);
    expectNoMarkup(json);
  });

  it('from `grok-facts ask` and the console chat', () => {
    const env = { ...process.env, NO_COLOR: '1', CORPUS_DIR: corpusDir, DATA_DIR: mkdtempSync(join(tmpdir(), 'grok-facts-md-data-')) };
    const ask = spawnSync(process.execPath, [BIN, 'ask', QUESTION], { cwd: ROOT, encoding: 'utf8', env });
    expect(ask.status).toBe(0);
    expectNoMarkup(ask.stdout);
    const chat = spawnSync(process.execPath, [BIN, 'chat'], { cwd: ROOT, encoding: 'utf8', env, input: `${QUESTION}\nquit\n` });
    expect(chat.status).toBe(0);
    expectNoMarkup(chat.stdout);
  });

  it('in the 👎 list of `grok-facts report` and the admin page, which keep the raw quote only as data', () => {
    const db = openDatabase(':memory:');
    const core = createBotCore({ engine, db });
    const asked = core.ask(QUESTION, { platform: 'discord', workspace: 'G1' });
    core.feedback.record({ answerId: 'x', question: asked.question, helpful: false, platform: 'discord' });
    const insights = collectInsights({ db, index: engine.index, corpus: createCorpusStatus() });
    expect(insights.notHelpful[0]!.cited).toMatchObject({ quote: cited.quote, display: cited.display });
    expectNoMarkup(formatReport(insights, styleFor({ isTTY: false } as NodeJS.WriteStream)));
    expectNoMarkup(adminPage(insights, 'csrf'));
    db.close();
  });
});
