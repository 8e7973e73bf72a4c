import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBotCore } from '../../src/bot/bot-core.js';
import { collectInsights } from '../../src/insights/collect-insights.js';
import { createCorpusStatus } from '../../src/insights/corpus-status.js';
import { groupQuestions, questionKey } from '../../src/insights/group-questions.js';
import { InsightsSchema } from '../../src/insights/schema.js';
import { migrate, openDatabase } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { seedEngine } from '../helpers/engine.js';

const where = { platform: 'discord' as const, workspace: 'G1' };

describe('insights', () => {
  it('counts answered and refused questions per UTC day, days without questions included', async () => {
    const engine = await seedEngine();
    const db = openDatabase(':memory:');
    let now = new Date('2026-06-10T23:30:00Z');
    const core = createBotCore({ engine, db, now: () => now });
    core.ask('How many parameters does Grok V9 Medium have?', where);
    core.ask('Who won the 1998 World Cup?', where);
    now = new Date('2026-06-12T08:00:00Z');
    core.ask('Who won the 1998 World Cup', where);
    core.ask('who won the 1998 world cups?', where);
    core.ask('What is the capital of Australia?', where);

    const insights = InsightsSchema.parse(collectInsights({ db, index: engine.index, corpus: createCorpusStatus(), now, days: 5 }));
    expect(insights.perDay.map((d) => [d.date, d.answered, d.refused])).toEqual([
      ['2026-06-08', 0, 0],
      ['2026-06-09', 0, 0],
      ['2026-06-10', 1, 1],
      ['2026-06-11', 0, 0],
      ['2026-06-12', 0, 3],
    ]);
    expect(insights.topRefused[0]).toMatchObject({ count: 3 });
    expect(insights.topRefused[0]!.wordings).toHaveLength(3);
    expect(insights.topRefused[1]).toMatchObject({ question: 'What is the capital of Australia?', count: 1 });
    expect(insights.corpus).toMatchObject({ articles: engine.index.articles.length, passages: engine.index.passages.length, skipped: [], lastReload: null });

    // Refused questions older than refusedDays are not gaps any more; the per-day chart still has them.
    const later = collectInsights({ db, index: engine.index, corpus: createCorpusStatus(), now: new Date('2026-06-19T12:00:00Z'), days: 30 });
    expect(later.topRefused.map((r) => r.question)).toEqual([]);
    expect(later.perDay.reduce((n, d) => n + d.refused, 0)).toBe(4);
  });

  it('keeps the passage a 👎 answer cited, as it read then', async () => {
    const engine = await seedEngine();
    const db = openDatabase(':memory:');
    const core = createBotCore({ engine, db });
    const answer = core.ask('When will Grok V9 Medium be released?', where);
    core.feedback.record({ answerId: 'x', question: answer.question, helpful: false, platform: 'discord' });
    core.feedback.record({ answerId: 'y', question: 'never asked', helpful: false, platform: 'discord' });
    core.feedback.record({ answerId: 'z', question: answer.question, helpful: true, platform: 'discord' });
    const { notHelpful } = collectInsights({ db, index: engine.index, corpus: createCorpusStatus() });
    expect(notHelpful).toHaveLength(2);
    const c = answer.citations[0]!;
    expect(notHelpful[1]).toMatchObject({ question: answer.question, cited: { source: c.source, start: c.start, end: c.end, quote: c.quote, title: c.title } });
    expect(notHelpful[0]).toMatchObject({ question: 'never asked', cited: null });
  });

  it('lists digest subscriptions with their last delivery and paused reason', async () => {
    const engine = await seedEngine();
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO subscriptions (platform, workspace, channel, time, tz, created_at, disabled_reason) VALUES ('slack', 'T', 'C1', '09:00', 'Europe/Berlin', 'x', 'missing access')").run();
    db.prepare("INSERT INTO deliveries (subscription_id, local_date, state, claimed_by, claimed_at, sent_at) VALUES (1, '2026-06-01', 'sent', 'p', 'x', '2026-06-01T07:00:00Z'), (1, '2026-06-02', 'failed', 'p', 'x', NULL)").run();
    const { subscriptions } = collectInsights({ db, index: engine.index, corpus: createCorpusStatus() });
    expect(subscriptions).toEqual([
      { platform: 'slack', channel: 'C1', time: '09:00', tz: 'Europe/Berlin', lastDelivery: { localDate: '2026-06-02', state: 'failed', sentAt: null }, pausedReason: 'missing access' },
    ]);
  });

  it('reports files a reload skipped, and when it ran', async () => {
    const engine = await seedEngine();
    const corpus = createCorpusStatus();
    corpus.recordReload({ articles: 5, passages: 156, skipped: [{ file: 'bad.txt', reason: 'not UTF-8' }], from: 'built' }, new Date('2026-06-01T00:00:00Z'));
    expect(corpus.health(engine.index)).toMatchObject({ skipped: [{ file: 'bad.txt', reason: 'not UTF-8' }], lastReload: { at: '2026-06-01T00:00:00.000Z', from: 'built' } });
  });

  it('migrates a database written before outcomes were kept; its old questions count as unknown', async () => {
    const engine = await seedEngine();
    const db = new Database(':memory:');
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO question_log (platform, workspace, question, normalized, asked_at) VALUES ('slack', 'T', 'old question', 'old question', ?)").run(new Date().toISOString());
    migrate(db);
    const { perDay } = collectInsights({ db, index: engine.index, corpus: createCorpusStatus() });
    expect(perDay.at(-1)).toMatchObject({ answered: 0, refused: 0, unknown: 1 });
  });
});

describe('grouping near-identical questions', () => {
  it('ignores case, punctuation, function words, plurals and small typos', () => {
    expect(questionKey("What's the PRICE?")).toBe(questionKey('what is the prices'));
    const groups = groupQuestions([
      { question: 'How much does Grok V9 cost?', count: 2 },
      { question: 'how much does grok v9 costs', count: 1 },
      { question: 'How much dose Grok V9 cost?', count: 1 },
      { question: 'Who is the CEO of OpenAI?', count: 1 },
    ]);
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['How much does Grok V9 cost?', 4],
      ['Who is the CEO of OpenAI?', 1],
    ]);
  });

  it('keeps different questions apart', () => {
    expect(groupQuestions([{ question: 'Who founded xAI?', count: 1 }, { question: 'Who funded xAI?', count: 1 }, { question: 'When was xAI founded?', count: 1 }])).toHaveLength(3);
  });
});
