import 'server-only';
import type { Db, Trx } from './db/client';
import type { OrgUnitTable } from './db/schema';

/** The org tree: county → township → administrative village → natural village, stored with materialised paths. */
export type OrgLevel = OrgUnitTable['level'];
export interface OrgUnit {
  id: string;
  parentId: string | null;
  name: string;
  level: OrgLevel;
  path: string;
}

export async function listOrgUnits(db: Db): Promise<OrgUnit[]> {
  return db.selectFrom('orgUnit').select(['id', 'parentId', 'name', 'level', 'path']).orderBy('path').orderBy('sortOrder').execute();
}

export async function getOrgUnit(db: Db | Trx, id: string): Promise<OrgUnit | undefined> {
  return db.selectFrom('orgUnit').select(['id', 'parentId', 'name', 'level', 'path']).where('id', '=', id).executeTakeFirst();
}

export async function createOrgUnit(
  db: Db | Trx,
  unit: { id: string; parentId: string | null; name: string; level: OrgLevel; sortOrder?: number },
): Promise<OrgUnit> {
  const parent = unit.parentId ? await getOrgUnit(db, unit.parentId) : undefined;
  if (unit.parentId && !parent) throw new Error(`parent org unit ${unit.parentId} not found`);
  const path = `${parent?.path ?? '/'}${unit.id}/`;
  await db
    .insertInto('orgUnit')
    .values({
      id: unit.id,
      parentId: unit.parentId,
      name: unit.name,
      level: unit.level,
      path,
      sortOrder: unit.sortOrder ?? 0,
      createdAt: new Date().toISOString(),
    })
    .execute();
  return { id: unit.id, parentId: unit.parentId, name: unit.name, level: unit.level, path };
}

/** Ids of a unit and all its ancestors, root first, read from the path. */
export function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}
