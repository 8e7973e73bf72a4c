import { DateTime } from 'luxon';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export const TIME_EXAMPLE = 'e.g. 09:00 or 17:30';
export const ZONE_EXAMPLE = 'e.g. Europe/Berlin or America/New_York';

export function parseTimeOfDay(text: string): { hour: number; minute: number } | undefined {
  const match = TIME.exec(text.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

/** "9:00" → "09:00". */
export function formatTimeOfDay(text: string): string {
  const t = parseTimeOfDay(text)!;
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

export { isValidTimeZone } from '../config/time-zone.js';

export interface DueInfo {
  /** The subscriber's local calendar date at `now`, YYYY-MM-DD. */
  localDate: string;
  /** When today's digest is due, as an instant. */
  dueAt: Date;
  due: boolean;
}

/**
 * When a subscription's digest is due on the local day containing `now`. Luxon applies the
 * zone's rules, so a time skipped by a DST change (02:30 on a spring-forward night) falls to
 * the first valid moment after it, and a time that happens twice counts once, at its first.
 */
export function dueToday(time: string, zone: string, now: Date): DueInfo {
  const local = DateTime.fromJSDate(now, { zone });
  const { hour, minute } = parseTimeOfDay(time)!;
  let dueAt = local.set({ hour, minute, second: 0, millisecond: 0 });
  // On a fall-back day the same wall-clock time happens twice; the first one counts.
  const hourEarlier = dueAt.minus({ hours: 1 });
  if (hourEarlier.hour === hour && hourEarlier.minute === minute && hourEarlier.toISODate() === dueAt.toISODate()) dueAt = hourEarlier;
  return { localDate: local.toISODate()!, dueAt: dueAt.toJSDate(), due: local >= dueAt };
}

/** The next instant the digest will be due, for status messages. */
export function nextDue(time: string, zone: string, now: Date, sentToday: boolean): Date {
  const today = dueToday(time, zone, now);
  if (!today.due && !sentToday) return today.dueAt;
  const tomorrow = DateTime.fromJSDate(now, { zone }).plus({ days: 1 }).startOf('day');
  return dueToday(time, zone, tomorrow.toJSDate()).dueAt;
}

export function localDateLabel(localDate: string): string {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).toFormat('cccc, d LLLL yyyy');
}

export function localDateOf(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}
