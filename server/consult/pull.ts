import 'server-only';
import type { ConsultPullChanges } from '@/lib/consult/types';
import { recordAudit } from '../audit';
import type { Db } from '../db/client';
import { auditedReader, canReadConsultation, type Viewer } from './access';
import { toConsultRecords, toStub } from './records';

/**
 * The consultations' part of a pull. A villager gets the requests they made or filed; a lawyer gets the ones
 * assigned to them in full and new unassigned ones as stubs (no name, phone, description or photos); an
 * administrator gets all. A request that changed and is no longer readable (taken by another lawyer, reassigned)
 * is listed as gone so the phone drops it. Every full record handed to a lawyer or administrator is audited.
 */
export async function pullConsultChanges(db: Db, viewer: Viewer, cursor: number, upTo: number): Promise<ConsultPullChanges> {
  let query = db.selectFrom('consultation').selectAll().where('changeSeq', '>', cursor).where('changeSeq', '<=', upTo);
  if (viewer.role !== 'admin' && viewer.role !== 'lawyer')
    query = query.where((eb) => eb.or([eb('requesterId', '=', viewer.id), eb('filedBy', '=', viewer.id)]));
  const changed = await query.orderBy('changeSeq').execute();
  const readable = changed.filter((r) => canReadConsultation(viewer, r));
  const stubs =
    viewer.role === 'lawyer' ? changed.filter((r) => !canReadConsultation(viewer, r) && r.assigneeId === null && r.status === 'new') : [];
  const gone = changed.filter((r) => !readable.includes(r) && !stubs.includes(r)).map((r) => r.id);
  const [full, partial] = await Promise.all([toConsultRecords(db, viewer, readable), toConsultRecords(db, viewer, stubs)]);
  if (auditedReader(viewer))
    await recordAudit(
      db,
      readable.map((r) => ({ actorId: viewer.id, actorRole: viewer.role, action: 'sync', subjectKind: 'consultation', subjectId: r.id })),
    );
  return { consultations: [...full, ...partial.map(toStub)], consultationsGone: cursor === 0 ? [] : gone };
}
