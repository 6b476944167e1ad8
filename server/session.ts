import 'server-only';
import { SESSION_MAX_AGE_MS } from '@/lib/constants';
import { isRole, type Role } from '@/lib/roles';
import { auth } from './auth';
import { clientOf } from './client';
import { ready } from './db';
import { cachedSession, rememberSession, sessionCacheEpoch, sessionCacheKey } from './session-cache';

export interface SessionUser {
  id: string;
  name: string;
  phone: string;
  role: Role;
  orgUnitId: string | null;
  legalLiterate: boolean;
  legalLiterateSince: string | null;
  /** Set by an administrator's password reset: until they choose their own, only that screen is open to them. */
  mustChangePassword: boolean;
}

export interface CurrentSession {
  user: SessionUser;
  sessionId: string;
}

/**
 * The signed-in user for a request, or null. Besides better-auth's idle expiry, a session older than 30 days
 * is ended here, whatever its activity.
 */
export async function currentUser(headers: Headers): Promise<SessionUser | null> {
  return (await currentSession(headers))?.user ?? null;
}

/** The signed-in user and the id of the session the request carries (to end every other one). */
export async function currentSession(headers: Headers): Promise<CurrentSession | null> {
  const key = sessionCacheKey(headers);
  if (key) {
    const cached = await cachedSession((await ready()).db, key);
    if (cached) return cached;
  }
  const epoch = sessionCacheEpoch();
  const session = await checkedSession(headers);
  if (session && key) rememberSession(key, epoch, session);
  return session;
}

/** better-auth's check of the cookie and the session row, and the app's own limits on top. */
async function checkedSession(headers: Headers): Promise<CurrentSession | null> {
  const handle = await ready();
  const result = await auth(clientOf(headers).https).api.getSession({ headers });
  if (!result) return null;
  const { session, user } = result;
  if (Date.now() - new Date(session.createdAt).getTime() > SESSION_MAX_AGE_MS) {
    await handle.db.deleteFrom('session').where('id', '=', session.id).execute();
    return null;
  }
  const u = user as typeof user & {
    username?: string | null;
    role?: string | null;
    banned?: boolean | null;
    orgUnitId?: string | null;
    legalLiterate?: boolean | number | null;
    legalLiterateSince?: string | null;
    mustChangePassword?: boolean | number | null;
  };
  if (u.banned) return null;
  const sessionUser: SessionUser = {
    id: u.id,
    name: u.name,
    phone: u.username ?? '',
    role: isRole(u.role) ? u.role : 'villager',
    orgUnitId: u.orgUnitId ?? null,
    legalLiterate: Boolean(u.legalLiterate),
    legalLiterateSince: u.legalLiterateSince ?? null,
    mustChangePassword: Boolean(u.mustChangePassword),
  };
  return { user: sessionUser, sessionId: session.id };
}
