import 'server-only';
import type { Selectable } from 'kysely';
import type { ActivityKind, ActivityPullChanges, ActivityRecord, CheckInMethod, DutyOutcome, StudyKind } from '@/lib/activity/types';
import { isRole } from '@/lib/roles';
import type { Db } from '../db/client';
import type { ActivityTable } from '../db/schema';
import { viewerScope, visibleActivityIds } from './access';

/**
 * The activities' part of a pull, for the people allowed to see them (server/activity/access.ts): activities changed
 * since the cursor, and those that became visible because the person checked in; their check-ins and edit
 * history; the theme list; the locked months (all of them, so an unlock reaches the phone too). The QR code's
 * secret goes only to the activity's host and administrators.
 */
export function toActivityRecord(a: Selectable<ActivityTable>, withCode: boolean): ActivityRecord {
  return {
    id: a.id,
    kind: a.kind as ActivityKind,
    studyKind: a.studyKind as StudyKind | null,
    dutyOutcome: a.dutyOutcome as DutyOutcome | null,
    themeId: a.themeId,
    title: a.title,
    orgUnitId: a.orgUnitId,
    place: a.place,
    latitude: a.latitude === null ? null : Number(a.latitude),
    longitude: a.longitude === null ? null : Number(a.longitude),
    accuracyM: a.accuracyM === null ? null : Number(a.accuracyM),
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    hostId: a.hostId,
    hostName: a.hostName,
    staff: a.staff,
    audience: a.audience,
    banners: a.banners,
    posters: a.posters,
    leaflets: a.leaflets,
    brochures: a.brochures,
    gifts: a.gifts,
    notes: a.notes,
    photos: JSON.parse(a.photos) as string[],
    checkInCode: withCode ? a.checkInCode : null,
    version: a.version,
    updatedAt: a.updatedAt,
  };
}

export async function pullActivityChanges(db: Db, userId: string, cursor: number, upTo: number): Promise<ActivityPullChanges> {
  const user = await db.selectFrom('user').select(['id', 'role', 'orgUnitId']).where('id', '=', userId).executeTakeFirstOrThrow();
  const role = isRole(user.role) ? user.role : 'villager';
  const scope = await viewerScope(db, { id: user.id, role, orgUnitId: user.orgUnitId });
  const visible = visibleActivityIds(db, scope);
  const [activities, checkIns, themes, revisions, locks] = await Promise.all([
    db
      .selectFrom('activity')
      .selectAll()
      .where('id', 'in', visible)
      .where((eb) =>
        eb.or([
          eb.and([eb('changeSeq', '>', cursor), eb('changeSeq', '<=', upTo)]),
          eb(
            'id',
            'in',
            eb
              .selectFrom('checkIn')
              .select('activityId')
              .where('userId', '=', userId)
              .where('changeSeq', '>', cursor)
              .where('changeSeq', '<=', upTo),
          ),
        ]),
      )
      .execute(),
    db
      .selectFrom('checkIn')
      .select(['id', 'activityId', 'personKey', 'userId', 'name', 'orgUnitId', 'method', 'checkedInAt'])
      .where('activityId', 'in', visible)
      .where('changeSeq', '>', cursor)
      .where('changeSeq', '<=', upTo)
      .execute(),
    db.selectFrom('activityTheme').selectAll().where('changeSeq', '>', cursor).where('changeSeq', '<=', upTo).execute(),
    db
      .selectFrom('activityRevision')
      .innerJoin('user', 'user.id', 'activityRevision.editorId')
      .select([
        'activityRevision.id',
        'activityRevision.activityId',
        'activityRevision.editorId',
        'user.name as editorName',
        'activityRevision.version',
        'activityRevision.changes',
        'activityRevision.editedAt',
      ])
      .where('activityRevision.activityId', 'in', visible)
      .where('activityRevision.changeSeq', '>', cursor)
      .where('activityRevision.changeSeq', '<=', upTo)
      .execute(),
    db.selectFrom('periodLock').select('period').orderBy('period').execute(),
  ]);
  return {
    activities: activities.map((a) => toActivityRecord(a, role === 'admin' || a.hostId === userId)),
    checkIns: checkIns.map((c) => ({ ...c, method: c.method as CheckInMethod })),
    themes: themes.map((t) => ({ id: t.id, name: t.name, sortOrder: t.sortOrder, active: Boolean(t.active) })),
    revisions: revisions.map((r) => ({ ...r, changes: JSON.parse(r.changes) as Record<string, [unknown, unknown]> })),
    lockedPeriods: locks.map((l) => l.period),
  };
}
