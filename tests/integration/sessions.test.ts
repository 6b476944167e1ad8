import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, login, startTestServer, type TestServer } from './support/server';

/**
 * Session lifetimes and disabling (issue 13) on the real server, SQLite and PostgreSQL. The clock is moved by
 * rewriting the session rows' timestamps, never by waiting: 7 days idle ends a session, 30 days from sign-in end it
 * whatever its activity, and disabling an account deletes every session row so re-enabling revives no cookie.
 */
const DAY = 24 * 3600_000;
const NO_LAWS = { LAWS_DIR: '/nonexistent/pufa-laws' };

describe.each(dbKinds)('sessions on %s', (kind) => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(kind, NO_LAWS);
    admin = await login(server.url, '13800000001');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const me = (cookie: string) => fetch(`${server.url}/api/me`, { headers: { Cookie: cookie } });
  const userIdOf = async (phone: string) =>
    (await server.db.db.selectFrom('user').select('id').where('username', '=', phone).executeTakeFirstOrThrow()).id;
  const sessionsOf = (userId: string) => server.db.db.selectFrom('session').selectAll().where('userId', '=', userId).execute();
  /** Signs in with no other session left, and returns the cookie and its one session row's id. */
  const soleSession = async (phone: string) => {
    const userId = await userIdOf(phone);
    await server.db.db.deleteFrom('session').where('userId', '=', userId).execute();
    const cookie = await login(server.url, phone);
    const rows = await sessionsOf(userId);
    expect(rows).toHaveLength(1);
    return { cookie, userId, sessionId: rows[0]!.id, row: rows[0]! };
  };
  /** Writes a date the way the driver stored the others (a Date on PostgreSQL, the same text or number on SQLite). */
  const stored = (sample: unknown, date: Date): Date | string => {
    if (sample instanceof Date) return date;
    if (typeof sample === 'number') return date.getTime() as unknown as string;
    return date.toISOString();
  };
  const setTimes = async (sessionId: string, sample: unknown, times: { createdAt?: Date; updatedAt?: Date; expiresAt?: Date }) => {
    const values = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stored(sample, v)]));
    await server.db.db.updateTable('session').set(values).where('id', '=', sessionId).execute();
  };
  const patchUser = (id: string, body: unknown) =>
    fetch(`${server.url}/api/users/${id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: admin, Origin: server.url },
      body: JSON.stringify(body),
    });

  it('gives a new session exactly 7 days before it expires', async () => {
    const { row } = await soleSession('13800000002');
    const life = new Date(row.expiresAt).getTime() - new Date(row.createdAt).getTime();
    expect(Math.abs(life - 7 * DAY)).toBeLessThan(5000);
  });

  it('ends a session left idle for 7 days', async () => {
    const { cookie, sessionId, row } = await soleSession('13800000002');
    expect((await me(cookie)).status).toBe(200);
    const now = Date.now();
    // last used 7 days and a minute ago: better-auth set its expiry 7 days after that, a minute ago
    await setTimes(sessionId, row.createdAt, {
      createdAt: new Date(now - 7 * DAY - 60_000),
      updatedAt: new Date(now - 7 * DAY - 60_000),
      expiresAt: new Date(now - 60_000),
    });
    expect((await me(cookie)).status).toBe(401);
  });

  it('keeps a session used 6 days ago, and slides its expiry 7 days from now', async () => {
    const { cookie, sessionId, row } = await soleSession('13800000003');
    const now = Date.now();
    await setTimes(sessionId, row.createdAt, {
      createdAt: new Date(now - 6 * DAY),
      updatedAt: new Date(now - 6 * DAY),
      expiresAt: new Date(now + DAY),
    });
    expect((await me(cookie)).status).toBe(200);
    const [after] = await sessionsOf(row.userId);
    expect(Math.abs(new Date(after!.expiresAt).getTime() - (now + 7 * DAY))).toBeLessThan(60_000);
  });

  it('ends a session 30 days after sign-in even when it was used every day, and deletes its row', async () => {
    const { cookie, sessionId, row, userId } = await soleSession('13800000005');
    const now = Date.now();
    await setTimes(sessionId, row.createdAt, {
      createdAt: new Date(now - 29 * DAY),
      updatedAt: new Date(now - 60_000),
      expiresAt: new Date(now + 7 * DAY),
    });
    expect((await me(cookie)).status).toBe(200);
    await setTimes(sessionId, row.createdAt, { createdAt: new Date(now - 30 * DAY - 60_000) });
    expect((await me(cookie)).status).toBe(401);
    expect(await sessionsOf(userId)).toHaveLength(0);
  });

  it('deletes every session row when an account is disabled, and re-enabling it revives no old cookie', async () => {
    const userId = await userIdOf('13800000004');
    const phone = await login(server.url, '13800000004');
    const laptop = await login(server.url, '13800000004');
    expect((await me(phone)).status).toBe(200);
    expect((await sessionsOf(userId)).length).toBeGreaterThanOrEqual(2);

    expect((await patchUser(userId, { disabled: true })).status).toBe(200);
    expect(await sessionsOf(userId)).toHaveLength(0);
    expect((await me(phone)).status).toBe(401);

    expect((await patchUser(userId, { disabled: false })).status).toBe(200);
    expect((await me(phone)).status).toBe(401);
    expect((await me(laptop)).status).toBe(401);
    expect(await sessionsOf(userId)).toHaveLength(0);
    const fresh = await login(server.url, '13800000004');
    expect((await me(fresh)).status).toBe(200);
  });
});
