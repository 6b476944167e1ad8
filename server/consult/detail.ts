import 'server-only';
import type { ConsultRecord } from '@/lib/consult/types';
import { recordAudit } from '../audit';
import type { Db } from '../db/client';
import { auditedReader, readableConsultation, type Viewer } from './access';
import { toConsultRecords } from './records';

/** One request for a person allowed to read it (404 for anyone else); a lawyer's or administrator's read is audited. */
export async function consultationDetail(db: Db, viewer: Viewer, id: string): Promise<ConsultRecord> {
  const row = await readableConsultation(db, viewer, id);
  if (auditedReader(viewer))
    await recordAudit(db, { actorId: viewer.id, actorRole: viewer.role, action: 'read', subjectKind: 'consultation', subjectId: id });
  const [record] = await toConsultRecords(db, viewer, [row]);
  return record!;
}

export async function listLawyers(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('user').select(['id', 'name']).where('role', '=', 'lawyer').orderBy('name').execute();
}
