import { randomToken, sameSecret } from './security.js';

/** A logged-in browser: its session id lives only in an HttpOnly cookie; its CSRF token goes in forms. */
export interface AdminSession {
  id: string;
  csrf: string;
  expiresAt: number;
}

const SESSION_MS = 8 * 60 * 60 * 1000;
const MAX_SESSIONS = 100;

/** Sessions in memory: a restart logs everyone out, which is the safe direction. */
export function createAdminSessions(now: () => number = Date.now) {
  const sessions = new Map<string, AdminSession>();
  return {
    create(): AdminSession {
      const session = { id: randomToken(), csrf: randomToken(), expiresAt: now() + SESSION_MS };
      sessions.set(session.id, session);
      if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      return session;
    },
    find(id: string | undefined): AdminSession | undefined {
      if (!id) return undefined;
      const session = sessions.get(id);
      if (session && session.expiresAt <= now()) {
        sessions.delete(id);
        return undefined;
      }
      return session;
    },
    end(id: string): void {
      sessions.delete(id);
    },
    maxAgeSeconds: SESSION_MS / 1000,
  };
}
export type AdminSessions = ReturnType<typeof createAdminSessions>;

/**
 * Failed logins per client address within a window, plus a ceiling for all addresses together,
 * so guessing the token is slow from one machine and from many.
 */
export function createLoginLimiter(options: { perClient?: number; overall?: number; windowMs?: number } = {}, now: () => number = Date.now) {
  const perClient = options.perClient ?? 5;
  const overall = options.overall ?? 50;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const failures = new Map<string, number[]>();
  let all: number[] = [];
  const recent = (times: number[]) => times.filter((t) => t > now() - windowMs);
  return {
    /** Seconds to wait before another attempt is accepted, or 0. */
    retryAfterSeconds(client: string): number {
      const mine = recent(failures.get(client) ?? []);
      all = recent(all);
      const blocking = mine.length >= perClient ? mine[mine.length - perClient]! : all.length >= overall ? all[all.length - overall]! : undefined;
      return blocking === undefined ? 0 : Math.max(1, Math.ceil((blocking + windowMs - now()) / 1000));
    },
    recordFailure(client: string): void {
      const mine = recent(failures.get(client) ?? []);
      mine.push(now());
      failures.set(client, mine);
      all.push(now());
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
    check(given: string, expected: string): boolean {
      return sameSecret(given, expected);
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
