import 'server-only';
import type { Selectable } from 'kysely';
import type { Role } from '@/lib/roles';
import type { Db, Trx } from '../db/client';
import type { ConsultationTable } from '../db/schema';
import { httpError } from '../http';

/**
 * Who may read a consultation: the requester, the person who filed it, the assigned lawyer and administrators.
 * Everyone else is told it does not exist (404), so ids reveal nothing.
 */
export interface Viewer {
  id: string;
  role: Role;
}

export type ConsultationRow = Selectable<ConsultationTable>;

export function canReadConsultation(viewer: Viewer, row: Pick<ConsultationRow, 'requesterId' | 'filedBy' | 'assigneeId'>): boolean {
  return viewer.role === 'admin' || viewer.id === row.requesterId || viewer.id === row.filedBy || viewer.id === row.assigneeId;
}

/** Reads by lawyers and administrators are audited; a person reading their own request is not. */
export function auditedReader(viewer: Viewer): boolean {
  return viewer.role === 'admin' || viewer.role === 'lawyer';
}

export async function readableConsultation(db: Db | Trx, viewer: Viewer, id: string): Promise<ConsultationRow> {
  const row = await db.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !canReadConsultation(viewer, row)) throw httpError(404, 'CONSULTATION_NOT_FOUND');
  return row;
}
