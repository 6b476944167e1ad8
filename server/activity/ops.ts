import 'server-only';
import type { Insertable, Selectable } from 'kysely';
import { checkInWindow, periodOf } from '@/lib/activity/types';
import type { ActivityFields } from '@/lib/validations/activity';
import type { Trx } from '../db/client';
import type { ActivityTable } from '../db/schema';
import { attachFile, canAttachFile, detachOtherFiles } from '../files';
import { countActivitySave, countCheckIn } from '../reports/counters';
import { isRole } from '@/lib/roles';
import { OpRejected, type ApplyContext, type ApplyFn } from '../sync/registry';

/**
 * The activity operations. activity.save creates an activity (the sender becomes its host) or edits it (its host or
 * an administrator, while its month is not locked), keeping every edit as a revision. activity.checkIn records one
 * person once per activity, whichever phone and however often it is pushed: the unique (activity, person) index
 * decides. The demo seed applies activities through these same functions.
 */
type Row = Selectable<ActivityTable>;

const EDITABLE: (keyof ActivityFields)[] = [
  'title',
  'kind',
  'studyKind',
  'dutyOutcome',
  'themeId',
  'orgUnitId',
  'place',
  'latitude',
  'longitude',
  'accuracyM',
  'startsAt',
  'endsAt',
  'hostName',
  'staff',
  'audience',
  'banners',
  'posters',
  'leaflets',
  'brochures',
  'gifts',
  'notes',
  'photos',
];

async function assertUnlocked(trx: Trx, startsAt: string): Promise<void> {
  const period = periodOf(startsAt);
  if (await trx.selectFrom('periodLock').select('period').where('period', '=', period).executeTakeFirst())
    throw new OpRejected('PERIOD_LOCKED', { period });
}

async function checkReferences(trx: Trx, a: ActivityFields): Promise<void> {
  if (!(await trx.selectFrom('orgUnit').select('id').where('id', '=', a.orgUnitId).executeTakeFirst()))
    throw new OpRejected('ORG_UNIT_NOT_FOUND', { id: a.orgUnitId });
  if (a.themeId && !(await trx.selectFrom('activityTheme').select('id').where('id', '=', a.themeId).executeTakeFirst()))
    throw new OpRejected('THEME_NOT_FOUND', { id: a.themeId });
}

function columns(
  a: ActivityFields,
): Omit<Insertable<ActivityTable>, 'id' | 'hostId' | 'checkInCode' | 'version' | 'createdAt' | 'updatedAt' | 'changeSeq'> {
  return {
    ...a,
    studyKind: a.kind === 'study' ? a.studyKind : null,
    photos: JSON.stringify(a.photos),
  };
}

function diff(before: Row, after: ActivityFields): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of EDITABLE) {
    const old = field === 'photos' ? (JSON.parse(before.photos) as string[]) : before[field as keyof Row];
    const next = field === 'studyKind' && after.kind !== 'study' ? null : after[field];
    if (JSON.stringify(old ?? null) !== JSON.stringify(next ?? null)) changes[field] = [old ?? null, next ?? null];
  }
  return changes;
}

const save: ApplyFn<'activity.save'> = async (ctx, p) => {
  const { trx } = ctx;
  const a = p.activity;
  await checkReferences(trx, a);
  await assertUnlocked(trx, a.startsAt);
  const existing = await trx.selectFrom('activity').selectAll().where('id', '=', p.id).executeTakeFirst();
  if (!existing) {
    await trx
      .insertInto('activity')
      .values({
        id: p.id,
        ...columns(a),
        hostId: ctx.userId,
        checkInCode: p.checkInCode,
        version: 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        changeSeq: ctx.changeSeq,
      })
      .execute();
    await countActivitySave(trx, undefined, await trx.selectFrom('activity').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow());
  } else {
    const editor = await trx.selectFrom('user').select('role').where('id', '=', ctx.userId).executeTakeFirst();
    if (existing.hostId !== ctx.userId && editor?.role !== 'admin') throw new OpRejected('ACTIVITY_EDIT_FORBIDDEN');
    await assertUnlocked(trx, existing.startsAt);
    const changes = diff(existing, a);
    if (Object.keys(changes).length === 0) return;
    const version = existing.version + 1;
    await trx
      .updateTable('activity')
      .set({ ...columns(a), version, updatedAt: ctx.now, changeSeq: ctx.changeSeq })
      .where('id', '=', p.id)
      .execute();
    await countActivitySave(trx, existing, await trx.selectFrom('activity').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow());
    await trx
      .insertInto('activityRevision')
      .values({
        id: ctx.opId,
        activityId: p.id,
        editorId: ctx.userId,
        version,
        changes: JSON.stringify(changes),
        editedAt: ctx.now,
        changeSeq: ctx.changeSeq,
      })
      .execute();
  }
  const attached = new Set(
    (await trx.selectFrom('fileOwner').select('hash').where('ownerKind', '=', 'activity').where('ownerId', '=', p.id).execute()).map(
      (f) => f.hash,
    ),
  );
  const me = await trx
    .selectFrom('user')
    .select(['id', 'role', 'orgUnitId', 'legalLiterate'])
    .where('id', '=', ctx.userId)
    .executeTakeFirstOrThrow();
  const reader = {
    id: me.id,
    role: isRole(me.role) ? me.role : 'villager',
    orgUnitId: me.orgUnitId,
    legalLiterate: Boolean(me.legalLiterate),
  } as const;
  for (const hash of a.photos.filter((h) => !attached.has(h)))
    if (!(await canAttachFile(trx, reader, hash))) throw new OpRejected('PHOTO_OF_OTHER', { photo: hash.slice(0, 8) });
  await detachOtherFiles(trx, 'activity', p.id, a.photos);
  for (const hash of a.photos) await attachFile(trx, hash, 'activity', p.id, ctx.now);
};

function fmt(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ') + ' UTC';
}

async function person(ctx: ApplyContext, activity: Row, p: Parameters<ApplyFn<'activity.checkIn'>>[1]) {
  const { trx } = ctx;
  if (p.person.kind === 'self') {
    if (p.person.code !== activity.checkInCode) {
      const other = await trx.selectFrom('activity').select('title').where('checkInCode', '=', p.person.code).executeTakeFirst();
      throw other
        ? new OpRejected('CHECKIN_CODE_OTHER_ACTIVITY', { other: other.title, activity: activity.title })
        : new OpRejected('CHECKIN_CODE_WRONG');
    }
    return trx.selectFrom('user').select(['id', 'name', 'orgUnitId']).where('id', '=', ctx.userId).executeTakeFirstOrThrow();
  }
  // (mutation testing: `recorder?.role` → `recorder.role` survives as an equivalent: the pusher is always a user row,
  // since push.ts read the account's createdAt before any handler runs)
  const recorder = await trx.selectFrom('user').select('role').where('id', '=', ctx.userId).executeTakeFirst();
  if (activity.hostId !== ctx.userId && recorder?.role !== 'admin') throw new OpRejected('CHECKIN_OTHERS_FORBIDDEN');
  if (p.person.kind === 'user') {
    const user = await trx.selectFrom('user').select(['id', 'name', 'orgUnitId']).where('id', '=', p.person.userId).executeTakeFirst();
    if (!user) throw new OpRejected('PERSONAL_CODE_UNKNOWN');
    return user;
  }
  if (!(await trx.selectFrom('orgUnit').select('id').where('id', '=', p.person.orgUnitId).executeTakeFirst()))
    throw new OpRejected('ORG_UNIT_NOT_FOUND', { id: p.person.orgUnitId });
  return { id: null, name: p.person.name, orgUnitId: p.person.orgUnitId };
}

const checkIn: ApplyFn<'activity.checkIn'> = async (ctx, p) => {
  const { trx } = ctx;
  const activity = await trx.selectFrom('activity').selectAll().where('id', '=', p.activityId).executeTakeFirst();
  if (!activity) throw new OpRejected('ACTIVITY_NOT_SYNCED');
  const who = await person(ctx, activity, p);
  const { opens, closes } = checkInWindow(activity);
  if (p.at < opens || p.at > closes) throw new OpRejected('CHECKIN_OUTSIDE_WINDOW', { opens: fmt(opens), closes: fmt(closes) });
  const personKey = who.id ? `u:${who.id}` : `m:${who.orgUnitId}:${who.name}`;
  const [inserted] = await trx
    .insertInto('checkIn')
    .values({
      id: p.id,
      activityId: p.activityId,
      personKey,
      userId: who.id,
      name: who.name,
      orgUnitId: who.orgUnitId,
      method: p.method,
      checkedInAt: p.at,
      recordedBy: ctx.userId,
      changeSeq: ctx.changeSeq,
    })
    .onConflict((oc) => oc.columns(['activityId', 'personKey']).doNothing())
    .execute();
  // The same person pushed again by another phone inserts nothing and counts nothing.
  if (inserted && inserted.numInsertedOrUpdatedRows && inserted.numInsertedOrUpdatedRows > 0n) await countCheckIn(trx, activity);
};

export const activityOps = { 'activity.save': save, 'activity.checkIn': checkIn };
