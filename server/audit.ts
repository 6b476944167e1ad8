import 'server-only';
import { uuidv7 } from 'uuidv7';
import type { Db, Trx } from './db/client';

/**
 * The audit log: who read or changed what, and when. One small table any capability can write to (consultations
 * today; user administration and exports can reuse it). Entries are only ever added.
 */
export interface AuditEntry {
  actorId: string;
  actorRole: string;
  /** A short verb: 'read', 'sync', 'read-photo', 'anonymise', … */
  action: string;
  subjectKind: string;
  subjectId: string;
}

export async function recordAudit(db: Db | Trx, entries: AuditEntry | AuditEntry[], at = new Date().toISOString()): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  for (let i = 0; i < list.length; i += 200)
    await db
      .insertInto('auditLog')
      .values(list.slice(i, i + 200).map((e) => ({ id: uuidv7(), ...e, at })))
      .execute();
}

export interface AuditRow extends AuditEntry {
  id: string;
  at: string;
  actorName: string;
}

export async function listAudit(db: Db, filter: { subjectKind?: string; subjectId?: string; limit?: number }): Promise<AuditRow[]> {
  let query = db
    .selectFrom('auditLog')
    .leftJoin('user', 'user.id', 'auditLog.actorId')
    .select(['auditLog.id', 'actorId', 'actorRole', 'action', 'subjectKind', 'subjectId', 'at', 'user.name as actorName'])
    .orderBy('at', 'desc')
    .limit(filter.limit ?? 100);
  if (filter.subjectKind) query = query.where('subjectKind', '=', filter.subjectKind);
  if (filter.subjectId) query = query.where('subjectId', '=', filter.subjectId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, actorName: r.actorName ?? '' }));
}
