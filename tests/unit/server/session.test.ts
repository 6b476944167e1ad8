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
vi.mock('@/server/auth', () => ({ auth: () => ({ api: { getSession: async () => answer } }) }));
vi.mock('@/server/db', () => ({ ready: async () => handle }));
const { currentSession, currentUser } = await import('@/server/session');

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
