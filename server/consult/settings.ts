import 'server-only';
import { DEFAULT_DEADLINE_WORKING_DAYS, DEFAULT_RETENTION_MONTHS } from '@/lib/consult/types';
import type { ConsultSettings } from '@/lib/validations/consult';
import type { Db, Trx } from '../db/client';

/** The consultation settings an administrator sets: the default deadline and how long requests keep personal details. */
export async function getConsultSettings(db: Db | Trx): Promise<ConsultSettings> {
  const row = await db.selectFrom('consultSetting').selectAll().where('id', '=', 1).executeTakeFirst();
  return {
    retentionMonths: row?.retentionMonths ?? DEFAULT_RETENTION_MONTHS,
    deadlineWorkingDays: row?.deadlineWorkingDays ?? DEFAULT_DEADLINE_WORKING_DAYS,
  };
}

export async function saveConsultSettings(db: Db | Trx, settings: ConsultSettings, adminId: string): Promise<void> {
  const values = { ...settings, updatedAt: new Date().toISOString(), updatedBy: adminId };
  await db
    .insertInto('consultSetting')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
