import 'server-only';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { OrgAction } from '@/lib/validations/admin';
import { writeTransaction, type DbHandle } from '../db/client';
import type { OrgUnitTable } from '../db/schema';
import { httpError } from '../http';
import { moveUnitCounters } from '../reports/counters';

/**
 * Villages (org units): add, rename, move under another parent, retire and restore. Nothing is ever deleted:
 * records keep the unit's id, so past figures stay; a retired unit is left out of pickers and imports.
 */
const CHILD_LEVEL: Record<OrgUnitTable['level'], OrgUnitTable['level'] | null> = {
  county: 'township',
  township: 'village',
  village: 'hamlet',
  hamlet: null,
};

export async function applyOrgAction(handle: DbHandle, action: OrgAction): Promise<{ id: string }> {
  return writeTransaction(handle, async (trx) => {
    const unit = async (id: string) => {
      const row = await trx.selectFrom('orgUnit').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw httpError(404, 'ORG_UNIT_NOT_FOUND');
      return row;
    };
    switch (action.action) {
      case 'add': {
        const parent = await unit(action.parentId);
        const level = CHILD_LEVEL[parent.level];
        if (!level) throw httpError(422, 'HAMLET_NO_CHILDREN');
        const id = uuidv7();
        await trx
          .insertInto('orgUnit')
          .values({
            id,
            parentId: parent.id,
            name: action.name,
            level,
            path: `${parent.path}${id}/`,
            sortOrder: 999,
            createdAt: new Date().toISOString(),
          })
          .execute();
        return { id };
      }
      case 'rename':
        await unit(action.id);
        await trx.updateTable('orgUnit').set({ name: action.name }).where('id', '=', action.id).execute();
        return { id: action.id };
      case 'move': {
        const moving = await unit(action.id);
        const parent = await unit(action.parentId);
        if (parent.path.startsWith(moving.path)) throw httpError(422, 'MOVE_UNDER_ITSELF');
        if (CHILD_LEVEL[parent.level] !== moving.level) throw httpError(422, 'MOVE_ONE_LEVEL_UP');
        const newPath = `${parent.path}${moving.id}/`;
        await trx.updateTable('orgUnit').set({ parentId: parent.id }).where('id', '=', moving.id).execute();
        await trx
          .updateTable('orgUnit')
          .set({ path: sql`${newPath} || substr(path, ${moving.path.length + 1})` })
          .where('path', 'like', `${moving.path}%`)
          .execute();
        await moveUnitCounters(trx, moving.id, moving.path, newPath);
        return { id: moving.id };
      }
      case 'retire':
      case 'restore': {
        const row = await unit(action.id);
        await trx
          .updateTable('orgUnit')
          .set({ retiredAt: action.action === 'retire' ? new Date().toISOString() : null })
          .where('path', 'like', `${row.path}%`)
          .execute();
        return { id: action.id };
      }
    }
  });
}

export async function listOrgTree(handle: DbHandle) {
  return handle.db.selectFrom('orgUnit').select(['id', 'parentId', 'name', 'level', 'path', 'retiredAt']).orderBy('path').execute();
}
