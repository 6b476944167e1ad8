import 'server-only';
import { recordAudit } from '../audit';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type DbHandle } from '../db/client';
import { deleteFileBytes, forgetUnownedFiles } from '../files';
import { getConsultSettings } from './settings';

/**
 * Retention: a request filed longer ago than the period the administrator set loses its personal details (the
 * requester's name, phone, the description, the thread's text and the photos). What the report counts (channel,
 * category, village, dates, status, rating) stays, so the report's figures do not change.
 */
export function retentionCutoff(now: Date, months: number): string {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff.toISOString();
}

export async function anonymiseExpired(handle: DbHandle, actor: { id: string; role: string } | null, now = new Date()): Promise<number> {
  const { count, removed } = await writeTransaction(handle, async (trx) => {
    const { retentionMonths } = await getConsultSettings(trx);
    const expired = await trx
      .selectFrom('consultation')
      .select(['id', 'photoIds'])
      .where('filedAt', '<', retentionCutoff(now, retentionMonths))
      .where('anonymisedAt', 'is', null)
      .execute();
    if (expired.length === 0) return { count: 0, removed: [] as string[] };
    const ids = expired.map((r) => r.id);
    const changeSeq = await nextChangeSeq(trx);
    const at = now.toISOString();
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      await trx
        .updateTable('consultation')
        .set({ requesterName: '', contactPhone: '', description: '', photoIds: '[]', anonymisedAt: at, changeSeq })
        .where('id', 'in', chunk)
        .execute();
      await trx.updateTable('consultationMessage').set({ body: '' }).where('consultationId', 'in', chunk).execute();
      await trx.deleteFrom('fileOwner').where('ownerKind', '=', 'consultation').where('ownerId', 'in', chunk).execute();
    }
    // A photo no other record holds is deleted, bytes and all, so not even its uploader can fetch it again.
    const removed = await forgetUnownedFiles(
      trx,
      expired.flatMap((r) => JSON.parse(r.photoIds) as string[]),
    );
    if (actor)
      await recordAudit(
        trx,
        ids.map((id) => ({ actorId: actor.id, actorRole: actor.role, action: 'anonymise', subjectKind: 'consultation', subjectId: id })),
        at,
      );
    return { count: ids.length, removed };
  });
  await deleteFileBytes(removed);
  return count;
}
