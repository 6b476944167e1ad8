import 'server-only';
import { recordAudit } from '../audit';
import { registerFileAccess } from '../files';
import { auditedReader, canReadConsultation } from './access';

/**
 * A consultation's photos: readable by whoever may read the request (requester, filer, assigned lawyer,
 * administrators); everyone else gets the file route's 404. A lawyer's or administrator's read is audited.
 */
registerFileAccess('consultation', async (db, reader, consultationId) => {
  const row = await db
    .selectFrom('consultation')
    .select(['requesterId', 'filedBy', 'assigneeId'])
    .where('id', '=', consultationId)
    .executeTakeFirst();
  if (!row || !canReadConsultation(reader, row)) return false;
  if (auditedReader(reader))
    await recordAudit(db, {
      actorId: reader.id,
      actorRole: reader.role,
      action: 'read-photo',
      subjectKind: 'consultation',
      subjectId: consultationId,
    });
  return true;
});
