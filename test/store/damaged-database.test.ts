import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBotCore } from '../../src/bot/bot-core.js';
import { createDigestScheduler } from '../../src/digest/scheduler.js';
import { createLogger } from '../../src/log/logger.js';
import { DATABASE_FILE, openDatabase } from '../../src/store/database.js';
import { openStore, StoreError } from '../../src/store/open-store.js';
import { damageDatabaseFile } from '../helpers/damage.js';
import { seedEngine } from '../helpers/engine.js';
import { GENEROUS_LIMITS } from '../helpers/limits.js';

function capture() {
  const lines: { level: string; msg: string }[] = [];
  return { lines, logger: createLogger({ level: 'debug', write: (l) => lines.push(JSON.parse(l)) }) };
}

const where = { platform: 'slack' as const, workspace: 'T1' };

describe('a damaged database', () => {
  it('is found at start by quick_check, named with its path and what to do, and a stand-in keeps the bot going', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grok-damaged-'));
    openDatabase(dir).close();
    damageDatabaseFile(join(dir, DATABASE_FILE));
    const { lines, logger } = capture();
    const store = openStore(dir, logger);
    expect(store.damaged).toContain(join(dir, DATABASE_FILE));
    expect(store.damaged).toMatch(/move the file aside.*makes a new one/);
    expect(lines.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([store.damaged]);
    // The stand-in works: questions can be logged for this run.
    expect(() => store.db.prepare('SELECT COUNT(*) FROM question_log').get()).not.toThrow();
  });

  it('treats a file that is not a database the same way, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grok-notadb-'));
    writeFileSync(join(dir, DATABASE_FILE), 'this is not a database\n'.repeat(200));
    const store = openStore(dir, capture().logger);
    expect(store.damaged).toContain(join(dir, DATABASE_FILE));
  });

  it('says which path cannot hold a database when DATA_DIR is unusable', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'grok-unwritable-')), 'a-file');
    writeFileSync(file, 'x');
    const dataDir = join(file, 'data');
    expect(() => openStore(dataDir, capture().logger)).toThrow(StoreError);
    expect(() => openStore(dataDir, capture().logger)).toThrow(new RegExp(`${dataDir}.*DATA_DIR`));
  });

  it('a sound file opens as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grok-sound-'));
    const store = openStore(dir, capture().logger);
    expect(store.damaged).toBeUndefined();
    store.db.close();
  });
});

describe('answering without the question log and feedback', () => {
  it('answers, and records the click, when their writes fail; the failure is logged', async () => {
    const db = openDatabase(':memory:');
    const { lines, logger } = capture();
    const core = createBotCore({ engine: await seedEngine(), db, limits: GENEROUS_LIMITS, logger });
    db.exec('DROP TABLE question_log; DROP TABLE feedback;');
    const answer = core.ask('How many parameters does Grok V9 Medium have?', where);
    expect(answer.status).toBe('answered');
    expect(core.feedback.record({ answerId: 'a1', helpful: true, platform: 'slack' })).toMatchObject({ answerId: 'a1', helpful: true });
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual(['question log entry not recorded; answering anyway', 'feedback not recorded; answering anyway']);
  });
});

describe('digest scheduler on a database damaged while running', () => {
  it('pauses with one log line instead of failing every tick', async () => {
    const { lines, logger } = capture();
    const core = createBotCore({ engine: await seedEngine(), db: openDatabase(':memory:'), limits: GENEROUS_LIMITS });
    const corrupt = () => {
      throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    };
    const digests = { ...core.digests, subscriptions: { ...core.digests.subscriptions, active: corrupt } };
    const scheduler = createDigestScheduler({ digests, senders: {}, now: () => new Date(), logger, onTick: corrupt });
    for (let i = 0; i < 5; i++) await scheduler.tick();
    expect(scheduler.paused).toMatch(/damaged/);
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/^digest posting paused: the database is damaged — move the file aside/);
  });
});
