import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyActivityChanges, recordCheckIn, saveActivity } from '@/lib/local/activity';
import { getSetting, type PufaDB } from '@/lib/local/db';
import { uploadPendingFiles } from '@/lib/local/files';
import { activityFieldsSchema } from '@/lib/validations/activity';
import { freshDb, outboxInOrder } from './fresh-db';

/** Activities on the phone: written with their ops, checked in once, kept over a pull while an edit waits. */
let db: PufaDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const fields = activityFieldsSchema.parse({
  title: '法律专题讲座',
  kind: 'lecture',
  orgUnitId: 'org-v01',
  startsAt: '2026-04-02T01:00:00Z',
  endsAt: '2026-04-02T03:00:00Z',
  hostName: '李宣传',
  audience: 40,
  banners: 1,
  posters: 2,
  leaflets: 100,
  brochures: 10,
  gifts: 0,
});

describe('activities on the phone', () => {
  it('saves an activity with its activity.save op, and an edit queues a second op', async () => {
    const saved = await saveActivity(fields, 'host-1', undefined, db);
    expect(saved.checkInCode).toMatch(/^[A-Za-z0-9]{16}$/);
    await saveActivity({ ...fields, leaflets: 150 }, 'host-1', saved, db);
    const ops = await outboxInOrder(db);
    expect(ops.map((o) => o.type)).toEqual(['activity.save', 'activity.save']);
    expect((ops[1]!.payload as { activity: { leaflets: number } }).activity.leaflets).toBe(150);
    expect((await db.activities.get(saved.id))?.version).toBe(2);
  });

  it('checks a person in once per activity on this phone', async () => {
    const person = { kind: 'self', code: 'c0de1234', userId: 'u1', name: '王建国', orgUnitId: 'org-v01' } as const;
    expect(await recordCheckIn('0190a000-0000-7000-8000-000000000001', person, 'link', 'x', db)).toBe(true);
    expect(await recordCheckIn('0190a000-0000-7000-8000-000000000001', person, 'link', 'x', db)).toBe(false);
    expect((await outboxInOrder(db)).filter((o) => o.type === 'activity.checkIn')).toHaveLength(1);
  });

  it("keeps the phone's edit over a pulled copy while its op waits, and replaces a local check-in by the server's row", async () => {
    const saved = await saveActivity(fields, 'host-1', undefined, db);
    const person = { kind: 'user', userId: 'u2', name: '马', orgUnitId: null } as const;
    await recordCheckIn(saved.id, person, 'hostScan', 'x', db);
    await db.transaction('rw', [db.activities, db.checkIns, db.activityThemes, db.activityRevisions, db.outbox, db.settings], () =>
      applyActivityChanges(db, {
        cursor: 9,
        modules: [],
        lessons: [],
        tasks: [],
        progress: [],
        activities: [{ ...saved, title: 'old title from the server' }],
        checkIns: [
          {
            id: 'server-row',
            activityId: saved.id,
            personKey: 'u:u2',
            userId: 'u2',
            name: '马某',
            orgUnitId: 'org-v01',
            method: 'scan',
            checkedInAt: fields.startsAt,
          },
        ],
        themes: [],
        revisions: [],
        lockedPeriods: ['2026-03'],
      }),
    );
    expect((await db.activities.get(saved.id))?.title).toBe('法律专题讲座');
    expect((await db.checkIns.where('activityId').equals(saved.id).toArray()).map((c) => c.id)).toEqual(['server-row']);
    expect(await getSetting(db, 'lockedPeriods')).toEqual(['2026-03']);
  });

  it('uploads waiting photos, keeps a refusal with its reason, and stops on a server error', async () => {
    const blob = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    await db.files.bulkPut([
      { hash: 'a'.repeat(64), blob, type: 'image/jpeg', size: 3, ownerId: 'x', status: 'pending', createdAt: '1' },
      { hash: 'b'.repeat(64), blob, type: 'image/jpeg', size: 3, ownerId: 'x', status: 'pending', createdAt: '2' },
    ]);
    const answers: Record<string, Response> = {
      ['a'.repeat(64)]: new Response('{}', { status: 201 }),
      ['b'.repeat(64)]: Response.json({ error: '照片过大' }, { status: 413 }),
    };
    const fetchFn = (async (url: string) => answers[url.split('/').pop()!]!) as unknown as typeof fetch;
    expect(await uploadPendingFiles(db, fetchFn)).toEqual({ uploaded: 1, refused: 1 });
    expect(await db.files.get('b'.repeat(64))).toMatchObject({ status: 'refused', reason: '照片过大' });
    await db.files.update('a'.repeat(64), { status: 'pending' });
    const failing = (async () => Response.json({ error: 'down' }, { status: 503 })) as unknown as typeof fetch;
    await expect(uploadPendingFiles(db, failing)).rejects.toMatchObject({ status: 503 });
    expect((await db.files.get('a'.repeat(64)))?.status).toBe('pending');
  });
});
