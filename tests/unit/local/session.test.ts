import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enqueueOp } from '@/lib/local/outbox';
import { PendingForOtherUser, ProfileFetchError, refreshProfile } from '@/lib/local/session';
import { freshDb } from './fresh-db';

const me = (id: string, name: string) => ({
  id,
  name,
  phone: '13800000003',
  role: 'cadre',
  orgUnitId: 'org-v01',
  orgUnitName: '东山村',
  orgPath: ['org-county', 'org-town', 'org-v01'],
  legalLiterate: false,
  legalLiterateSince: null,
});

function serve(body: unknown, status = 200) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('refreshProfile', () => {
  it('keeps the profile on the phone so the app opens offline later', async () => {
    const db = freshDb();
    serve(me('u1', '王建国'));
    await refreshProfile(db);
    expect(await db.profile.get('me')).toMatchObject({ id: 'u1', name: '王建国', role: 'cadre' });
  });

  it('starts a clean slate when a different person signs in on a phone with nothing waiting', async () => {
    const db = freshDb();
    serve(me('u1', '王建国'));
    await refreshProfile(db);
    await db.progress.put({ lessonId: 'l1', openedAt: '2026-01-01T00:00:00.000Z', completedAt: null, secondsSpent: 5 });
    await db.settings.put({ key: 'deviceId', value: 'old-device' });
    serve(me('u2', '张秀英'));
    await refreshProfile(db);
    expect((await db.profile.get('me'))?.id).toBe('u2');
    expect(await db.progress.count()).toBe(0);
    expect(await db.settings.get('deviceId')).toBeUndefined();
  });

  it("refuses to switch person while the previous person's actions wait to sync, and loses none of them", async () => {
    const db = freshDb();
    serve(me('u1', '王建国'));
    await refreshProfile(db);
    await db.transaction('rw', [db.outbox, db.settings], () =>
      enqueueOp(db, 'study.complete', { lessonId: 'l1', at: new Date().toISOString() }, 'l1'),
    );
    serve(me('u2', '张秀英'));
    const error = await refreshProfile(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PendingForOtherUser);
    expect(error).toMatchObject({ owner: '王建国', count: 1 });
    expect(await db.outbox.count()).toBe(1);
    expect((await db.profile.get('me'))?.id).toBe('u1');
  });

  it('reports a lost session as a 401', async () => {
    serve({ error: 'please sign in' }, 401);
    await expect(refreshProfile(freshDb())).rejects.toEqual(new ProfileFetchError(401));
  });
});
