import 'server-only';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
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

/**
 * A unit's subtree (the unit and everything under it) is every unit whose path starts with the unit's path. These
 * helpers are the one place that rule is written, for SQL and in memory, so every report and list filters alike.
 */

/** A path no unit has (paths start with '/'): the subtree of a unit outside the asker's lists nothing. */
export const NO_UNIT_PATH = '\u0000';

/** The LIKE pattern of the subtree under `path`. */
export function subtreePattern(path: string): string {
  return `${path}%`;
}

/** SQL: the org unit path in `column` (default the joined `orgUnit.path`) lies in the subtree under `path`. */
export function inOrgSubtree(path: string, column = 'orgUnit.path'): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${subtreePattern(path)}`;
}

/** In memory: `path` lies in the subtree under `root`. */
export function isUnder(path: string, root: string): boolean {
  return path.startsWith(root);
}
