import { uuidv7 } from '@/lib/local/uuid';
import type { ActivityRecord, CheckInMethod, CheckInRecord } from '@/lib/activity/types';
import type { ActivityFields } from '@/lib/validations/activity';
import type { PullResponse } from '@/lib/study/types';
import { localDb, getSetting, setSetting, type PufaDB } from './db';
import { enqueueOp } from './outbox';

/**
 * Activities on the phone. Logging, editing and checking in are written to Dexie with their op in one transaction,
 * so they survive a reload offline and reach the server once, by the sync loop (photos are uploaded first).
 */
function randomCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Writes the activity (new, or an edit of one this person hosts) to `activities`. Queues activity.save with every
 * field. Offline both wait on the phone; the list shows it as not yet synced.
 */
export async function saveActivity(
  fields: ActivityFields,
  hostId: string,
  existing?: ActivityRecord,
  db: PufaDB = localDb(),
): Promise<ActivityRecord> {
  const id = existing?.id ?? uuidv7();
  const checkInCode = existing?.checkInCode ?? randomCode();
  const record: ActivityRecord = {
    ...fields,
    studyKind: fields.kind === 'study' ? fields.studyKind : null,
    id,
    hostId: existing?.hostId ?? hostId,
    checkInCode,
    version: existing ? existing.version + 1 : 1,
    updatedAt: new Date().toISOString(),
  };
  await db.transaction('rw', [db.activities, db.outbox, db.settings], async () => {
    await db.activities.put(record);
    await enqueueOp(db, 'activity.save', { id, checkInCode, activity: fields }, fields.title);
  });
  return record;
}

export type CheckInPerson =
  | { kind: 'self'; code: string; userId: string; name: string; orgUnitId: string | null }
  | { kind: 'user'; userId: string; name: string; orgUnitId: string | null }
  | { kind: 'manual'; name: string; orgUnitId: string };

export function personKeyOf(p: CheckInPerson): string {
  return p.kind === 'manual' ? `m:${p.orgUnitId}:${p.name.trim()}` : `u:${p.userId}`;
}

/**
 * Writes a check-in to `checkIns` unless this person is already checked in to this activity on this phone (then it
 * returns false and queues nothing). Queues activity.checkIn; another phone's copy of the same person counts once
 * on the server.
 */
export async function recordCheckIn(
  activityId: string,
  person: CheckInPerson,
  method: CheckInMethod,
  label: string,
  db: PufaDB = localDb(),
): Promise<boolean> {
  const personKey = personKeyOf(person);
  return db.transaction('rw', [db.checkIns, db.outbox, db.settings], async () => {
    if (await db.checkIns.where('[activityId+personKey]').equals([activityId, personKey]).first()) return false;
    const at = new Date().toISOString();
    const row: CheckInRecord = {
      id: uuidv7(),
      activityId,
      personKey,
      userId: person.kind === 'manual' ? null : person.userId,
      name: person.name.trim(),
      orgUnitId: person.orgUnitId,
      method,
      checkedInAt: at,
    };
    await db.checkIns.add(row);
    const wire =
      person.kind === 'self'
        ? { kind: 'self' as const, code: person.code }
        : person.kind === 'user'
          ? { kind: 'user' as const, userId: person.userId }
          : { kind: 'manual' as const, name: row.name, orgUnitId: person.orgUnitId };
    await enqueueOp(db, 'activity.checkIn', { id: row.id, activityId, person: wire, method, at }, label);
    return true;
  });
}

export function activityPullTables(db: PufaDB) {
  return [db.activities, db.checkIns, db.activityThemes, db.activityRevisions, db.outbox];
}

/** Runs inside the pull's transaction. An activity with an edit still waiting on this phone keeps the phone's copy. */
export async function applyActivityChanges(db: PufaDB, data: PullResponse): Promise<number> {
  const waiting = new Set(
    (await db.outbox.filter((op) => op.type === 'activity.save').toArray()).map((op) => (op.payload as { id: string }).id),
  );
  await db.activities.bulkPut((data.activities ?? []).filter((a) => !waiting.has(a.id)));
  for (const c of data.checkIns ?? []) {
    // The same person checked in from another phone: keep the server's row only.
    await db.checkIns
      .where('[activityId+personKey]')
      .equals([c.activityId, c.personKey])
      .filter((l) => l.id !== c.id)
      .delete();
    await db.checkIns.put(c);
  }
  await db.activityThemes.bulkPut(data.themes ?? []);
  await db.activityRevisions.bulkPut(data.revisions ?? []);
  if (data.lockedPeriods) await setSetting(db, 'lockedPeriods', data.lockedPeriods);
  return (data.activities?.length ?? 0) + (data.checkIns?.length ?? 0) + (data.themes?.length ?? 0);
}

export async function lockedPeriods(db: PufaDB = localDb()): Promise<string[]> {
  return (await getSetting<string[]>(db, 'lockedPeriods')) ?? [];
}

export function activityPersonalTables(db: PufaDB) {
  return [db.activities, db.checkIns, db.activityRevisions];
}
