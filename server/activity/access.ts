import 'server-only';
import type { Role } from '@/lib/roles';
import type { Db, Trx } from '../db/client';
import { ancestorIds, inOrgSubtree } from '../org';

/**
 * Who sees an activity: administrators and publicity teams see all; anyone else sees the activities of their own
 * org unit, the units above it (township events) and below it, plus those they host or checked in to.
 * The same rule decides the pull, the lists and who may read an activity's photos.
 */
export interface ActivityViewer {
  id: string;
  role: Role;
  orgUnitId: string | null;
}

export interface Scope {
  all: boolean;
  userId: string;
  unitPath: string | null;
}

export async function viewerScope(db: Db | Trx, viewer: ActivityViewer): Promise<Scope> {
  const all = viewer.role === 'admin' || viewer.role === 'publicist';
  if (all || !viewer.orgUnitId) return { all, userId: viewer.id, unitPath: null };
  const unit = await db.selectFrom('orgUnit').select('path').where('id', '=', viewer.orgUnitId).executeTakeFirst();
  return { all, userId: viewer.id, unitPath: unit?.path ?? null };
}

/** Ids of the activities this scope sees, as a subquery condition on `activity`. */
export function visibleActivityIds(db: Db | Trx, scope: Scope) {
  const ancestors = scope.unitPath ? ancestorIds(scope.unitPath) : [];
  return db
    .selectFrom('activity')
    .innerJoin('orgUnit', 'orgUnit.id', 'activity.orgUnitId')
    .select('activity.id')
    .where((eb) =>
      scope.all
        ? eb.lit(true)
        : eb.or([
            eb('activity.hostId', '=', scope.userId),
            eb.exists(
              eb
                .selectFrom('checkIn')
                .select('checkIn.id')
                .whereRef('checkIn.activityId', '=', 'activity.id')
                .where('checkIn.userId', '=', scope.userId),
            ),
            ...(scope.unitPath ? [eb('activity.orgUnitId', 'in', ancestors), inOrgSubtree(scope.unitPath)] : []),
          ]),
    );
}

export async function canSeeActivity(db: Db | Trx, viewer: ActivityViewer, activityId: string): Promise<boolean> {
  const scope = await viewerScope(db, viewer);
  const row = await visibleActivityIds(db, scope).where('activity.id', '=', activityId).executeTakeFirst();
  return Boolean(row);
}
