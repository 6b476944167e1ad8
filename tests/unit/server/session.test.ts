import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_MAX_AGE_MS } from '@/lib/constants';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { createOrgUnit } from '@/server/org';
import { createUser } from '@/server/users';

/**
 * server/session.ts in process, so mutation testing can reach it: better-auth's own session check is stood in for
 * (what it answers is set per test), the database is a real SQLite one. What is checked is the app's part: the
 * 30-day absolute limit whatever the activity (the row is deleted, other sessions stay), a banned user has no
 * session, and the user's fields as the app reads them.
 */
interface AuthAnswer {
  session: { id: string; createdAt: Date };
  user: Record<string, unknown> & { id: string; name: string };
}
let answer: AuthAnswer | null = null;
let handle: DbHandle;
let dataDir: string;
let checks = 0;
let beforeAnswer: (() => Promise<void>) | undefined;
vi.mock('@/server/auth', () => ({
  auth: () => ({
    api: {
      getSession: async () => {
        checks++;
        await beforeAnswer?.();
        return answer;
      },
    },
  }),
}));
vi.mock('@/server/db', () => ({ ready: async () => handle }));
const { currentSession, currentUser } = await import('@/server/session');
const { forgetSession, forgetUserSessions, SESSION_CACHE_MS } = await import('@/server/session-cache');
const { updateUser } = await import('@/server/users');
const { changePassword, updateProfile } = await import('@/server/account');

let userId: string;
const headers = new Headers({ host: '127.0.0.1:3000' });
const ago = (ms: number) => new Date(Date.now() - ms);

async function sessionRow(id: string, createdAt: Date): Promise<void> {
  const now = new Date().toISOString();
  await handle.db
    .insertInto('session')
    .values({
      id,
      token: `token-${id}`,
      userId,
      createdAt: createdAt.toISOString(),
      updatedAt: now,
      expiresAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      ipAddress: null,
      userAgent: null,
      impersonatedBy: null,
    })
    .execute();
}
const sessionIds = async () => (await handle.db.selectFrom('session').select('id').orderBy('id').execute()).map((s) => s.id);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-session-'));
  handle = openDatabase({ dataDir });
  await migrate(handle);
  await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '七营镇', level: 'township' });
  userId = (
    await createUser(handle.db, {
      password: 'Pufa-demo-2026',
      role: 'cadre',
      orgUnitId: 'org-town',
      legalLiterate: false,
      legalLiterateSince: null,
      phone: '13900007001',
      name: '马建军',
    })
  ).id;
});

afterAll(async () => {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  answer = null;
  checks = 0;
  beforeAnswer = undefined;
  forgetUserSessions(userId);
  vi.useRealTimers();
  await handle.db.deleteFrom('session').execute();
});

const person = (extra: Record<string, unknown> = {}) => ({ id: userId, name: '马建军', username: '13900007001', role: 'cadre', ...extra });

describe('the signed-in user', () => {
  it('is nobody when better-auth finds no session', async () => {
    expect(await currentUser(headers)).toBeNull();
    expect(await currentSession(headers)).toBeNull();
  });

  it('reads the app’s fields: the phone from the username, the role, the unit and the 法律明白人 certification', async () => {
    answer = {
      session: { id: 's-1', createdAt: ago(60_000) },
      user: person({ orgUnitId: 'org-town', legalLiterate: 1, legalLiterateSince: '2025-03-01', mustChangePassword: 1 }),
    };
    expect(await currentSession(headers)).toEqual({
      sessionId: 's-1',
      user: {
        id: userId,
        name: '马建军',
        phone: '13900007001',
        role: 'cadre',
        orgUnitId: 'org-town',
        legalLiterate: true,
        legalLiterateSince: '2025-03-01',
        mustChangePassword: true,
      },
    });
  });

  it('fills what an account lacks: no phone, no unit, not certified, no password change due, and an unknown role reads as villager', async () => {
    answer = { session: { id: 's-2', createdAt: ago(60_000) }, user: { id: userId, name: '马建军', role: 'superuser' } };
    expect(await currentUser(headers)).toEqual({
      id: userId,
      name: '马建军',
      phone: '',
      role: 'villager',
      orgUnitId: null,
      legalLiterate: false,
      legalLiterateSince: null,
      mustChangePassword: false,
    });
  });

  it('is nobody when the account is banned (disabled by an administrator)', async () => {
    answer = { session: { id: 's-3', createdAt: ago(60_000) }, user: person({ banned: true }) };
    expect(await currentUser(headers)).toBeNull();
    answer = { session: { id: 's-3', createdAt: ago(60_000) }, user: person({ banned: false }) };
    expect(await currentUser(headers)).toMatchObject({ id: userId });
  });
});

describe('the 30-day absolute limit', () => {
  it('keeps a session a minute short of 30 days, whatever its activity', async () => {
    await sessionRow('s-young', ago(SESSION_MAX_AGE_MS - 60_000));
    answer = { session: { id: 's-young', createdAt: ago(SESSION_MAX_AGE_MS - 60_000) }, user: person() };
    expect(await currentUser(headers)).toMatchObject({ id: userId });
    expect(await sessionIds()).toEqual(['s-young']);
  });

  it('ends a session a second past 30 days: no user, and its row is deleted while the person’s other sessions stay', async () => {
    await sessionRow('s-old', ago(SESSION_MAX_AGE_MS + 1000));
    await sessionRow('s-other', ago(60_000));
    answer = { session: { id: 's-old', createdAt: ago(SESSION_MAX_AGE_MS + 1000) }, user: person() };
    expect(await currentSession(headers)).toBeNull();
    expect(await sessionIds()).toEqual(['s-other']);
  });
});

describe('the short-lived session cache', () => {
  let cookies = 0;
  /** A request carrying a session cookie of its own (signed or not: better-auth is stood in for). */
  const withCookie = () => new Headers({ host: '127.0.0.1:3000', cookie: `NEXT_LOCALE=zh; better-auth.session_token=tok${++cookies}.sig` });
  /** A session row and better-auth's answer for it, as after signing in. */
  const signedIn = async (id: string, extra: Record<string, unknown> = {}) => {
    await sessionRow(id, ago(60_000));
    answer = { session: { id, createdAt: ago(60_000) }, user: person(extra) };
  };

  it('answers the same cookie again without better-auth’s check, checking only that the session row still holds', async () => {
    await signedIn('c-1');
    const request = withCookie();
    expect(await currentSession(request)).toMatchObject({ sessionId: 'c-1', user: { id: userId, role: 'cadre' } });
    expect(await currentSession(request)).toMatchObject({ sessionId: 'c-1', user: { id: userId, role: 'cadre' } });
    expect(checks).toBe(1);
    // Another cookie is another session: checked in full.
    expect(await currentUser(withCookie())).toMatchObject({ id: userId });
    expect(checks).toBe(2);
  });

  it('caches nothing for a request without a session cookie', async () => {
    await signedIn('c-2');
    await currentUser(headers);
    await currentUser(headers);
    expect(checks).toBe(2);
  });

  it('refuses a cached session at once when its row is gone (signed out, or ended on another app server)', async () => {
    await signedIn('c-3');
    const request = withCookie();
    expect(await currentUser(request)).toMatchObject({ id: userId });
    await handle.db.deleteFrom('session').where('id', '=', 'c-3').execute();
    answer = null; // what better-auth answers for a session it cannot find
    expect(await currentUser(request)).toBeNull();
    expect(checks).toBe(2);
  });

  it('refuses a cached session at once when its idle limit passes', async () => {
    await signedIn('c-4');
    const request = withCookie();
    expect(await currentUser(request)).toMatchObject({ id: userId });
    await handle.db
      .updateTable('session')
      .set({ expiresAt: ago(1000).toISOString() })
      .where('id', '=', 'c-4')
      .execute();
    answer = null;
    expect(await currentUser(request)).toBeNull();
  });

  it('refuses a cached session at once past 30 days and deletes its row', async () => {
    await signedIn('c-5');
    const request = withCookie();
    expect(await currentUser(request)).toMatchObject({ id: userId });
    const old = ago(SESSION_MAX_AGE_MS + 1000);
    await handle.db.updateTable('session').set({ createdAt: old.toISOString() }).where('id', '=', 'c-5').execute();
    answer = { session: { id: 'c-5', createdAt: old }, user: person() };
    expect(await currentUser(request)).toBeNull();
    expect(await sessionIds()).toEqual([]);
  });

  it('refuses a cached session at once after an administrator disables the account, and re-enabling revives nothing', async () => {
    await signedIn('c-6');
    const request = withCookie();
    expect(await currentUser(request)).toMatchObject({ id: userId });
    await updateUser(handle.db, userId, { disabled: true });
    answer = null;
    expect(await currentUser(request)).toBeNull();
    await updateUser(handle.db, userId, { disabled: false });
    expect(await currentUser(request)).toBeNull();
  });

  it('shows a role, unit or name changed in this process at once, not after the cache’s few seconds', async () => {
    await signedIn('c-7');
    const request = withCookie();
    expect(await currentUser(request)).toMatchObject({ role: 'cadre', name: '马建军' });
    await updateUser(handle.db, userId, { role: 'publicist' });
    answer = { session: { id: 'c-7', createdAt: ago(60_000) }, user: person({ role: 'publicist' }) };
    expect(await currentUser(request)).toMatchObject({ role: 'publicist' });
    await updateProfile(handle.db, userId, { name: '马建国' });
    answer = { session: { id: 'c-7', createdAt: ago(60_000) }, user: person({ role: 'publicist', name: '马建国' }) };
    expect(await currentUser(request)).toMatchObject({ role: 'publicist', name: '马建国' });
    expect(checks).toBe(3);
    await updateUser(handle.db, userId, { role: 'cadre' });
  });

  it('ends the other cached sessions at once when the person changes their password, keeping this one', async () => {
    await signedIn('c-8');
    const phone = withCookie();
    expect(await currentSession(phone)).toMatchObject({ sessionId: 'c-8' });
    await signedIn('c-9');
    const laptop = withCookie();
    expect(await currentSession(laptop)).toMatchObject({ sessionId: 'c-9' });
    await changePassword(
      handle.db,
      { id: userId, phone: '13900007001' },
      'c-9',
      { address: '10.0.0.9', https: false },
      {
        currentPassword: 'Pufa-demo-2026',
        newPassword: 'Qiying-2026-new',
      },
    );
    answer = null;
    expect(await currentSession(phone)).toBeNull();
    answer = { session: { id: 'c-9', createdAt: ago(60_000) }, user: person() };
    expect(await currentSession(laptop)).toMatchObject({ sessionId: 'c-9' });
  });

  it('does not keep an answer whose check began before a change to the user', async () => {
    await signedIn('c-10');
    const request = withCookie();
    // The change lands while better-auth is still checking: that answer may predate it, so it is not cached.
    beforeAnswer = async () => forgetUserSessions(userId);
    expect(await currentUser(request)).toMatchObject({ id: userId });
    beforeAnswer = undefined;
    await currentUser(request);
    expect(checks).toBe(2);
    await currentUser(request);
    expect(checks).toBe(2);
  });

  it('checks a session in full again once its few seconds are up, and forgets a signed-out cookie', async () => {
    await signedIn('c-11');
    const request = withCookie();
    vi.useFakeTimers({ toFake: ['Date'] });
    await currentUser(request);
    vi.setSystemTime(Date.now() + SESSION_CACHE_MS - 10);
    await currentUser(request);
    expect(checks).toBe(1);
    vi.setSystemTime(Date.now() + 20);
    await currentUser(request);
    expect(checks).toBe(2);
    forgetSession(request);
    await currentUser(request);
    expect(checks).toBe(3);
  });
});
