import { mkdtemp, cp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBotCore, type BotCore } from '../../src/bot/bot-core.js';
import { DeliveryError } from '../../src/digest/delivery-error.js';
import { CLAIM_LEASE_MS } from '../../src/digest/digest-service.js';
import { createDigestScheduler, type DigestSender } from '../../src/digest/scheduler.js';
import type { Digest, Subscription } from '../../src/digest/schema.js';
import { createEngine } from '../../src/engine/engine.js';
import { createLogger } from '../../src/log/logger.js';
import { openDatabase } from '../../src/store/database.js';
import { SEEDS_DIR, seedEngine } from '../helpers/engine.js';
import { GENEROUS_LIMITS } from '../helpers/limits.js';

const silent = createLogger({ level: 'silent' });

class Clock {
  constructor(private t: number) {}
  now = () => new Date(this.t);
  set(iso: string) {
    this.t = Date.parse(iso);
  }
  advance(ms: number) {
    this.t += ms;
  }
}

class RecordingSender implements DigestSender {
  readonly sent: { channel: string; digest: Digest }[] = [];
  failWith: DeliveryError | undefined;
  async send(subscription: Subscription, digest: Digest) {
    if (this.failWith) throw this.failWith;
    this.sent.push({ channel: subscription.channel, digest });
  }
}

async function setup(dataDir: string | ':memory:' = ':memory:', clock = new Clock(Date.parse('2026-06-01T08:00:00Z'))) {
  const db = openDatabase(dataDir);
  const core = createBotCore({ engine: await seedEngine(), db, now: clock.now, limits: GENEROUS_LIMITS });
  const sender = new RecordingSender();
  const scheduler = (id: string, s: DigestSender = sender, c: BotCore = core) =>
    createDigestScheduler({ digests: c.digests, senders: { slack: s, discord: s }, now: clock.now, logger: silent, instanceId: id });
  return { db, core, clock, sender, scheduler };
}

describe('digest scheduler', () => {
  it('posts once at the local time, once per day, and skips days it was down for', async () => {
    const { core, clock, sender, scheduler } = await setup();
    core.digests.subscribe({ platform: 'slack', workspace: 'T1', channel: 'C1', time: '09:00', tz: 'Europe/Berlin' });
    const a = scheduler('a');
    clock.set('2026-06-01T06:59:00Z'); // 08:59 in Berlin
    await a.tick();
    expect(sender.sent).toHaveLength(0);
    clock.set('2026-06-01T07:00:00Z');
    await a.tick();
    await a.tick();
    expect(sender.sent.map((s) => s.digest.localDate)).toEqual(['2026-06-01']);
    clock.set('2026-06-04T15:00:00Z'); // down for two days, back in the afternoon
    await a.tick();
    expect(sender.sent.map((s) => s.digest.localDate)).toEqual(['2026-06-01', '2026-06-04']);
  });

  it('posts a missed digest after a restart inside the same local day, and never again that day', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-restart-'));
    const clock = new Clock(Date.parse('2026-06-01T12:00:00Z'));
    const first = await setup(dir, clock);
    first.core.digests.subscribe({ platform: 'discord', workspace: 'G1', channel: 'D1', time: '09:00', tz: 'UTC' });
    first.db.close(); // "down" before the time came
    const second = await setup(dir, clock);
    await second.scheduler('b').tick();
    expect(second.sender.sent).toHaveLength(1);
    second.db.close();
    const third = await setup(dir, clock);
    await third.scheduler('c').tick();
    expect(third.sender.sent).toHaveLength(0);
  });

  it('a process killed after the claim but before the send: the digest goes out once, after the lease', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-claim-'));
    const clock = new Clock(Date.parse('2026-06-01T09:30:00Z'));
    const dead = await setup(dir, clock);
    const subscription = dead.core.digests.subscribe({ platform: 'slack', workspace: 'T1', channel: 'C1', time: '09:00', tz: 'UTC' });
    if (!subscription.ok) throw new Error(subscription.error);
    expect(dead.core.digests.deliveries.claim(subscription.subscription.id, '2026-06-01', 'dead-process', clock.now())).toBe(true);
    dead.db.close(); // killed here

    const restarted = await setup(dir, clock);
    await restarted.scheduler('new').tick();
    expect(restarted.sender.sent).toHaveLength(0); // the claim may still be alive
    clock.advance(CLAIM_LEASE_MS);
    await restarted.scheduler('new').tick();
    await restarted.scheduler('new').tick();
    expect(restarted.sender.sent).toHaveLength(1);
  });

  it('a process killed after the send: nothing is posted twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-sent-'));
    const clock = new Clock(Date.parse('2026-06-01T09:30:00Z'));
    const before = await setup(dir, clock);
    before.core.digests.subscribe({ platform: 'slack', workspace: 'T1', channel: 'C1', time: '09:00', tz: 'UTC' });
    await before.scheduler('before').tick();
    expect(before.sender.sent).toHaveLength(1);
    before.db.close();
    const after = await setup(dir, clock);
    clock.advance(CLAIM_LEASE_MS * 10);
    await after.scheduler('after').tick();
    expect(after.sender.sent).toHaveLength(0);
  });

  it('two schedulers sharing one database file post each digest exactly once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-two-'));
    const clock = new Clock(Date.parse('2026-06-01T09:30:00Z'));
    const one = await setup(dir, clock);
    const two = await setup(dir, clock);
    for (let i = 0; i < 5; i++) one.core.digests.subscribe({ platform: 'slack', workspace: 'T1', channel: `C${i}`, time: '09:00', tz: 'UTC' });
    const slowSender = (target: RecordingSender): DigestSender => ({
      send: async (s, d) => {
        await new Promise((r) => setTimeout(r, 5));
        await target.send(s, d);
      },
    });
    const a = one.scheduler('A', slowSender(one.sender), one.core);
    const b = two.scheduler('B', slowSender(two.sender), two.core);
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    const channels = [...one.sender.sent, ...two.sender.sent].map((s) => s.channel).sort();
    expect(channels).toEqual(['C0', 'C1', 'C2', 'C3', 'C4']);
  });

  it('is correct on a DST switch day', async () => {
    const { core, clock, sender, scheduler } = await setup();
    core.digests.subscribe({ platform: 'slack', workspace: 'T1', channel: 'C1', time: '02:30', tz: 'America/New_York' });
    const s = scheduler('dst');
    clock.set('2026-03-08T06:59:00Z'); // 01:59 EST, just before the jump
    await s.tick();
    expect(sender.sent).toHaveLength(0);
    clock.set('2026-03-08T07:00:00Z'); // 03:00 EDT: 02:30 was skipped, so it is due now
    await s.tick();
    clock.set('2026-03-09T03:00:00Z'); // 23:00 local, same local date 8 March
    await s.tick();
    expect(sender.sent.map((x) => x.digest.localDate)).toEqual(['2026-03-08']);
  });

  it('pauses a subscription it has no access to, with the reason, instead of retrying forever', async () => {
    const { core, clock, sender, scheduler } = await setup();
    core.digests.subscribe({ platform: 'slack', workspace: 'T1', channel: 'C1', time: '09:00', tz: 'UTC' });
    sender.failWith = new DeliveryError('no_access', 'not_in_channel: invite me first');
    clock.set('2026-06-01T09:00:00Z');
    expect(await scheduler('x').tick()).toMatchObject({ disabled: 1 });
    const [status] = core.digests.status('slack', 'T1');
    expect(status!.subscription.disabledReason).toContain('not_in_channel');
    expect(status!.nextDue).toBeNull();
    sender.failWith = undefined;
    clock.advance(60 * 60_000);
    await scheduler('x').tick();
    expect(sender.sent).toHaveLength(0);
  });

  it('retries a transient failure with backoff, then sends once', async () => {
    const { core, clock, sender, scheduler } = await setup();
    core.digests.subscribe({ platform: 'slack', workspace: 'T1', channel: 'C1', time: '09:00', tz: 'UTC' });
    clock.set('2026-06-01T09:00:00Z');
    sender.failWith = new DeliveryError('transient', 'ratelimited');
    expect(await scheduler('x').tick()).toMatchObject({ retrying: 1 });
    sender.failWith = undefined;
    clock.advance(10_000);
    await scheduler('x').tick();
    expect(sender.sent).toHaveLength(0); // still backing off
    clock.advance(30_000);
    await scheduler('x').tick();
    await scheduler('x').tick();
    expect(sender.sent).toHaveLength(1);
  });

  it('rotates the fact of the day without repeats until every key fact has been posted', async () => {
    const { core, clock, sender, scheduler } = await setup();
    core.digests.subscribe({ platform: 'slack', workspace: 'T1', channel: 'C1', time: '09:00', tz: 'UTC' });
    const s = scheduler('rot');
    for (let day = 1; day <= 20; day++) {
      clock.set(`2026-07-${String(day).padStart(2, '0')}T10:00:00Z`);
      await s.tick();
    }
    const keys = sender.sent.map((x) => x.digest.factOfTheDay!.key);
    expect(keys).toHaveLength(20);
    const poolSize = new Set(keys).size;
    expect(poolSize).toBeGreaterThanOrEqual(5);
    expect(new Set(keys.slice(0, poolSize)).size).toBe(poolSize); // no repeat before the pool is used up
    expect(keys[poolSize]).toBe(keys[0]); // then it starts over with the one shown longest ago
    for (const { digest } of sender.sent) {
      expect(digest.factOfTheDay!.citation.quote).toMatch(/\d/);
    }
  });

  it('adds a "sources disagree" note when the fact of the day is one side of a disagreement', async () => {
    const { core, clock, sender, scheduler } = await setup();
    core.digests.subscribe({ platform: 'slack', workspace: 'T1', channel: 'C1', time: '09:00', tz: 'UTC' });
    const s = scheduler('conflict');
    for (let day = 1; day <= 15; day++) {
      clock.set(`2026-08-${String(day).padStart(2, '0')}T10:00:00Z`);
      await s.tick();
    }
    const withConflict = sender.sent.map((x) => x.digest).filter((d) => d.factOfTheDay!.citation.quote.includes('90%'));
    expect(withConflict.length).toBeGreaterThan(0);
    expect(withConflict[0]!.disagreements[0]!.sides.map((side) => side.value).sort()).toEqual(['40%', '90%']);
    const without = sender.sent.map((x) => x.digest).filter((d) => !/90%|40%/.test(d.factOfTheDay!.citation.quote));
    expect(without.every((d) => d.disagreements.length === 0)).toBe(true);
  });

  it('introduces the sources first, then lists only articles added since as new coverage', async () => {
    const corpus = await mkdtemp(join(tmpdir(), 'grok-facts-corpus-'));
    await cp(SEEDS_DIR, corpus, { recursive: true });
    const clock = new Clock(Date.parse('2026-06-01T10:00:00Z'));
    const db = openDatabase(':memory:');
    let core = createBotCore({ engine: await createEngine({ corpusDir: corpus }), db, now: clock.now, limits: GENEROUS_LIMITS });
    core.digests.subscribe({ platform: 'discord', workspace: 'G', channel: 'D', time: '09:00', tz: 'UTC' });
    const sender = new RecordingSender();
    await createDigestScheduler({ digests: core.digests, senders: { discord: sender }, now: clock.now, logger: silent }).tick();
    expect(sender.sent[0]!.digest.introduction).toHaveLength(5);
    expect(sender.sent[0]!.digest.newCoverage).toEqual([]);

    await writeFile(join(corpus, '005_new.txt'), 'Grok V9-Medium will ship to the public on June 16, 2026, xAI said in a statement today.\n');
    core = createBotCore({ engine: await createEngine({ corpusDir: corpus }), db, now: clock.now, limits: GENEROUS_LIMITS });
    clock.set('2026-06-02T10:00:00Z');
    await createDigestScheduler({ digests: core.digests, senders: { discord: sender }, now: clock.now, logger: silent }).tick();
    const second = sender.sent[1]!.digest;
    expect(second.introduction).toBeNull();
    expect(second.newCoverage.map((a) => a.source)).toEqual(['005_new']);
  });

  it('lists the three most asked questions of the workspace in the last 24 hours, with answers', async () => {
    const { core, clock } = await setup();
    const ask = (q: string, workspace = 'T1') => core.ask(q, { platform: 'slack', workspace });
    ask('Where is Colossus?');
    clock.advance(60_000);
    for (let i = 0; i < 3; i++) ask('How many parameters does Grok V9 Medium have?');
    ask('how many parameters does grok v9 medium have');
    ask('Who announced Grok V9 Medium?');
    ask('Who announced Grok V9 Medium?');
    ask('What is the capital of Australia?');
    ask('Where is Colossus?', 'OTHER');
    core.digests.subscribe({ platform: 'slack', workspace: 'T1', channel: 'C1' });
    const digest = core.digests.preview('slack', 'T1', 'C1');
    expect(digest.mostAsked.map((m) => [m.question.toLowerCase(), m.count])).toEqual([
      ['how many parameters does grok v9 medium have', 4],
      ['who announced grok v9 medium?', 2],
      ['what is the capital of australia?', 1],
    ]);
    expect(digest.mostAsked[0]!.answer).toMatch(/1\.5/);
    expect(digest.mostAsked[2]!.answer).toBe('Not in my sources.');
    clock.advance(25 * 60 * 60_000);
    expect(core.digests.preview('slack', 'T1', 'C1').mostAsked).toEqual([]);
  });

  it('rejects a bad time or zone with an example, and keeps subscriptions across reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-sub-'));
    const { core, db } = await setup(dir);
    expect(core.digests.subscribe({ platform: 'slack', workspace: 'T', channel: 'C', time: '25:00' })).toMatchObject({ ok: false, error: expect.stringMatching(/HH:MM.*09:00/) });
    expect(core.digests.subscribe({ platform: 'slack', workspace: 'T', channel: 'C', tz: 'Mars/Olympus' })).toMatchObject({ ok: false, error: expect.stringMatching(/Europe\/Berlin/) });
    expect(core.digests.subscribe({ platform: 'slack', workspace: 'T', channel: 'C', time: '7:05', tz: 'Asia/Kolkata' })).toMatchObject({ ok: true, subscription: { time: '07:05', tz: 'Asia/Kolkata' } });
    db.close();
    const reopened = await setup(dir);
    expect(reopened.core.digests.status('slack', 'T').map((s) => s.subscription.channel)).toEqual(['C']);
    expect(reopened.core.digests.unsubscribe('slack', 'C')).toBe(true);
    expect(reopened.core.digests.status('slack', 'T')).toEqual([]);
  });
});
