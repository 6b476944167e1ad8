import 'server-only';
import { createHash } from 'node:crypto';
import { SESSION_MAX_AGE_MS } from '@/lib/constants';
import { clientOf } from './client';
import type { Db } from './db/client';
import type { CurrentSession } from './session';

/**
 * A short-lived cache of validated sessions, so a phone pushing and pulling does not pay better-auth's full check
 * (the cookie's HMAC, the session and user queries) on every request. Keyed by a hash of the session cookie as sent
 * (the signature was verified when the entry was made); never holds a session longer than SESSION_CACHE_MS.
 *
 * What a cached entry still checks on every request: its session row, by primary key, on the read connection. A
 * session that was signed out, deleted by disabling the account or by a password change or reset (on any app
 * server: they all share the database), or whose idle or 30-day limit has passed, is refused at once. What may be
 * stale for at most SESSION_CACHE_MS: the user's fields (role, name, unit, 法律明白人, mustChangePassword) when they
 * were changed on *another* app server (PostgreSQL with several servers). A change made through this process drops
 * the user's entries at once (forgetUserSessions), and a check that started before the change cannot store its
 * older answer (the epoch).
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
const SESSION_COOKIE = /(?:^|;\s*)((?:__Secure-)?better-auth\.session_token)=([^;]*)/;

interface CacheEntry extends CurrentSession {
  until: number;
}
interface SessionCache {
  entries: Map<string, CacheEntry>;
  epoch: number;
}
// On globalThis: Next.js may bundle this module into several route chunks, and they must share one cache.
const globalForSessions = globalThis as unknown as { pufaSessionCache?: SessionCache };
function cache(): SessionCache {
  return (globalForSessions.pufaSessionCache ??= { entries: new Map(), epoch: 0 });
}

/** The cache key of a request's session cookie, or undefined when it carries none. */
export function sessionCacheKey(headers: Headers): string | undefined {
  const match = SESSION_COOKIE.exec(headers.get('cookie') ?? '');
  if (!match) return undefined;
  const https = clientOf(headers).https ? 'https' : 'http';
  return createHash('sha256').update(`${https}\n${match[1]}\n${match[2]}`).digest('base64url');
}

/** Drops every cached session of these users: their account, role, name or password changed in this process. */
export function forgetUserSessions(...userIds: string[]): void {
  const c = cache();
  c.epoch++;
  const ids = new Set(userIds);
  for (const [key, entry] of c.entries) if (ids.has(entry.user.id)) c.entries.delete(key);
}

/** Drops the cached session of this request's cookie (signing out). */
export function forgetSession(headers: Headers): void {
  const c = cache();
  c.epoch++;
  const key = sessionCacheKey(headers);
  if (key) c.entries.delete(key);
}

const time = (value: unknown) => new Date(value as string | number | Date).getTime();

/** A cached session whose row still holds (exists, not idle-expired, within 30 days), or undefined. */
export async function cachedSession(db: Db, key: string): Promise<CurrentSession | undefined> {
  const c = cache();
  const entry = c.entries.get(key);
  if (!entry) return undefined;
  const now = Date.now();
  if (now >= entry.until) {
    c.entries.delete(key);
    return undefined;
  }
  const row = await db.selectFrom('session').select(['expiresAt', 'createdAt']).where('id', '=', entry.sessionId).executeTakeFirst();
  if (!row || time(row.expiresAt) <= now || now - time(row.createdAt) > SESSION_MAX_AGE_MS) {
    // Gone or past a limit: better-auth and the checks below decide (and delete what must be deleted).
    c.entries.delete(key);
    return undefined;
  }
  return { user: entry.user, sessionId: entry.sessionId };
}

export function rememberSession(key: string, epoch: number, session: CurrentSession): void {
  const c = cache();
  if (c.epoch !== epoch) return; // a user changed while this was checked: its answer may be older than the change
  if (c.entries.size >= SESSION_CACHE_MAX) {
    const now = Date.now();
    for (const [k, e] of c.entries) if (e.until <= now) c.entries.delete(k);
    if (c.entries.size >= SESSION_CACHE_MAX) c.entries.clear();
  }
  c.entries.set(key, { ...session, until: Date.now() + SESSION_CACHE_MS });
}

/** The cache's epoch now: a check that started at an older one may not store its answer (rememberSession). */
export function sessionCacheEpoch(): number {
  return cache().epoch;
}
