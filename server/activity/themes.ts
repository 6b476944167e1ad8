import 'server-only';
import { randomUUID } from 'node:crypto';
import type { ThemeRecord } from '@/lib/activity/types';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type DbHandle } from '../db/client';
import { httpError } from '../http';

/** The themes an administrator keeps for activities (扫黑除恶, 反电信诈骗, …), and the months they lock. */
export const DEFAULT_THEMES = [
  '扫黑除恶',
  '反电信诈骗',
  '平安建设',
  '全民禁毒',
  '民法典宣传月',
  '宪法日',
  '3·15 消费者权益日',
  '防范非法集资',
  '安全生产月',
  '反家庭暴力',
];

/** Adds the default themes that are missing; themes an administrator renamed or retired stay as they are. */
export async function seedActivityThemes(handle: DbHandle): Promise<number> {
  return writeTransaction(handle, async (trx) => {
    const have = new Set((await trx.selectFrom('activityTheme').select('name').execute()).map((t) => t.name));
    const missing = DEFAULT_THEMES.filter((name) => !have.has(name));
    if (!missing.length) return 0;
    const changeSeq = await nextChangeSeq(trx);
    const now = new Date().toISOString();
    await trx
      .insertInto('activityTheme')
      .values(
        missing.map((name) => ({
          id: `theme-${DEFAULT_THEMES.indexOf(name) + 1}`,
          name,
          sortOrder: DEFAULT_THEMES.indexOf(name),
          active: true,
          createdAt: now,
          changeSeq,
        })),
      )
      .execute();
    return missing.length;
  });
}

export async function createTheme(handle: DbHandle, name: string): Promise<ThemeRecord> {
  return writeTransaction(handle, async (trx) => {
    if (await trx.selectFrom('activityTheme').select('id').where('name', '=', name).executeTakeFirst())
      throw httpError(409, 'THEME_EXISTS', { name }, { name: 'THEME_EXISTS' });
    const count = await trx
      .selectFrom('activityTheme')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const theme = { id: randomUUID(), name, sortOrder: Number(count.n), active: true };
    await trx
      .insertInto('activityTheme')
      .values({ ...theme, createdAt: new Date().toISOString(), changeSeq: await nextChangeSeq(trx) })
      .execute();
    return theme;
  });
}

export async function setThemeActive(handle: DbHandle, id: string, active: boolean): Promise<void> {
  await writeTransaction(handle, async (trx) => {
    const result = await trx
      .updateTable('activityTheme')
      .set({ active, changeSeq: await nextChangeSeq(trx) })
      .where('id', '=', id)
      .executeTakeFirst();
    if (!Number(result.numUpdatedRows)) throw httpError(404, 'THEME_NOT_FOUND');
  });
}

/** Locks (or unlocks) a month: its activities can no longer be logged or edited, so the report's figures hold. */
export async function setPeriodLock(handle: DbHandle, period: string, locked: boolean, adminId: string): Promise<string[]> {
  return writeTransaction(handle, async (trx) => {
    const changeSeq = await nextChangeSeq(trx);
    if (locked)
      await trx
        .insertInto('periodLock')
        .values({ period, lockedBy: adminId, lockedAt: new Date().toISOString(), changeSeq })
        .onConflict((oc) => oc.column('period').doNothing())
        .execute();
    else await trx.deleteFrom('periodLock').where('period', '=', period).execute();
    return (await trx.selectFrom('periodLock').select('period').orderBy('period').execute()).map((l) => l.period);
  });
}
