import 'server-only';
import { sql } from 'kysely';
import type { Db } from '../db/client';

/**
 * The audit log page: sign-ins, failed sign-ins, permission and account changes, exports and reads of
 * consultations (server/audit.ts writes them). Entries are kept at least 6 months (AUDIT_RETENTION_DAYS); nothing
 * in the app deletes a younger entry.
 */
export const AUDIT_RETENTION_DAYS = 183;
export const AUDIT_PAGE_SIZE = 50;

export async function searchAudit(db: Db, f: { action?: string; actor?: string; from?: string; to?: string; page: number }) {
  let q = db.selectFrom('auditLog').leftJoin('user', 'user.id', 'auditLog.actorId');
  if (f.action) q = q.where('auditLog.action', '=', f.action);
  if (f.actor)
    q = q.where((eb) =>
      eb.or([eb('user.username', '=', f.actor!), eb('auditLog.subjectId', '=', f.actor!), eb('user.name', '=', f.actor!)]),
    );
  if (f.from) q = q.where('auditLog.at', '>=', f.from);
  if (f.to) q = q.where('auditLog.at', '<', `${f.to}T99`);
  const [rows, total, actions] = await Promise.all([
    q
      .select([
        'auditLog.id',
        'auditLog.at',
        'auditLog.action',
        'auditLog.actorRole',
        'auditLog.subjectKind',
        'auditLog.subjectId',
        'user.name as actorName',
        'user.username as actorPhone',
      ])
      .orderBy('auditLog.at', 'desc')
      .limit(AUDIT_PAGE_SIZE)
      .offset((f.page - 1) * AUDIT_PAGE_SIZE)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
    db.selectFrom('auditLog').select('action').distinct().orderBy('action').execute(),
  ]);
  return {
    rows,
    total: Number(total?.n ?? 0),
    pageSize: AUDIT_PAGE_SIZE,
    actions: actions.map((a) => a.action),
    retentionDays: AUDIT_RETENTION_DAYS,
  };
}
