import { describe, expect, it } from 'vitest';
import { dueToday, nextDue } from '../../src/digest/schedule.js';

const at = (iso: string) => new Date(iso);

describe('dueToday', () => {
  it('uses the channel local date and time', () => {
    // 23:30 UTC on 1 June is already 2 June in Tokyo (UTC+9) and 08:30 there.
    expect(dueToday('09:00', 'Asia/Tokyo', at('2026-06-01T23:30:00Z'))).toMatchObject({ localDate: '2026-06-02', due: false });
    expect(dueToday('09:00', 'Asia/Tokyo', at('2026-06-02T00:00:00Z'))).toMatchObject({ localDate: '2026-06-02', due: true });
    expect(dueToday('09:00', 'UTC', at('2026-06-02T08:59:59Z')).due).toBe(false);
  });

  it('handles the spring-forward day: 02:30 does not exist, so it is due at 03:00 local', () => {
    // America/New_York jumps from 02:00 to 03:00 on 8 March 2026.
    const info = dueToday('02:30', 'America/New_York', at('2026-03-08T12:00:00Z'));
    expect(info.localDate).toBe('2026-03-08');
    expect(info.dueAt.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(dueToday('02:30', 'America/New_York', at('2026-03-08T06:59:00Z')).due).toBe(false);
  });

  it('handles the fall-back day: 01:30 happens twice and is due at the first', () => {
    // Europe/Berlin falls back from 03:00 CEST to 02:00 CET on 25 October 2026.
    const info = dueToday('02:30', 'Europe/Berlin', at('2026-10-25T12:00:00Z'));
    expect(info.dueAt.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // A day with 25 hours still has one local date.
    expect(dueToday('09:00', 'Europe/Berlin', at('2026-10-25T22:59:00Z')).localDate).toBe('2026-10-25');
  });

  it('tells the next due time for status', () => {
    expect(nextDue('09:00', 'UTC', at('2026-06-02T10:00:00Z'), true).toISOString()).toBe('2026-06-03T09:00:00.000Z');
    expect(nextDue('09:00', 'UTC', at('2026-06-02T08:00:00Z'), false).toISOString()).toBe('2026-06-02T09:00:00.000Z');
  });
});
