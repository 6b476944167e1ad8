import 'server-only';
import type { ConsultCategory, ConsultChannel, ConsultMessage, ConsultRecord, Rating, Referral } from '@/lib/consult/types';
import type { Db } from '../db/client';
import type { ConsultationRow, Viewer } from './access';

/** Turns consultation rows into the records phones and screens use, with names and threads, for one viewer. */
export async function toConsultRecords(db: Db, viewer: Viewer, rows: ConsultationRow[]): Promise<ConsultRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const messages = await db
    .selectFrom('consultationMessage')
    .leftJoin('user', 'user.id', 'consultationMessage.authorId')
    .select([
      'consultationMessage.id',
      'consultationId',
      'authorId',
      'kind',
      'body',
      'referral',
      'consultationMessage.createdAt',
      'user.name as authorName',
    ])
    .where('consultationId', 'in', ids)
    .orderBy('consultationMessage.createdAt')
    .orderBy('consultationMessage.id')
    .execute();
  const people = new Set(rows.flatMap((r) => [r.filedBy, r.assigneeId].filter((x): x is string => Boolean(x))));
  const villages = new Set(rows.map((r) => r.villageId));
  const [users, units] = await Promise.all([
    db
      .selectFrom('user')
      .select(['id', 'name'])
      .where('id', 'in', [...people])
      .execute(),
    db
      .selectFrom('orgUnit')
      .select(['id', 'name'])
      .where('id', 'in', [...villages])
      .execute(),
  ]);
  const nameOf = new Map([...users, ...units].map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const thread: ConsultMessage[] = messages
      .filter((m) => m.consultationId === r.id)
      .map((m) => ({
        id: m.id,
        kind: m.kind,
        authorName: m.authorName ?? '',
        mine: m.authorId === viewer.id,
        body: m.body,
        referral: (m.referral as Referral | null) ?? null,
        at: m.createdAt,
      }));
    return {
      id: r.id,
      full: true,
      channel: r.channel as ConsultChannel,
      category: r.category as ConsultCategory,
      villageId: r.villageId,
      villageName: nameOf.get(r.villageId) ?? '',
      requesterName: r.requesterName,
      contactPhone: r.contactPhone,
      callBack: Boolean(r.callBack),
      description: r.description,
      filedForOther: Boolean(r.forOther),
      filedByName: nameOf.get(r.filedBy) ?? '',
      mineAsRequester: r.requesterId === viewer.id,
      mineAsFiler: r.filedBy === viewer.id,
      activityId: r.activityId,
      status: r.status,
      assigneeId: r.assigneeId,
      assigneeName: r.assigneeId ? (nameOf.get(r.assigneeId) ?? '') : null,
      referral: (r.referral as Referral | null) ?? null,
      deadline: r.deadline,
      filedAt: r.filedAt,
      resolvedAt: r.resolvedAt,
      rating: (r.rating as Rating | null) ?? null,
      anonymised: r.anonymisedAt !== null,
      photoIds: JSON.parse(r.photoIds) as string[],
      messages: thread,
    };
  });
}

/** What a lawyer sees of a new request nobody has taken: enough to decide to take it, nothing personal. */
export function toStub(record: ConsultRecord): ConsultRecord {
  return {
    ...record,
    full: false,
    requesterName: '',
    contactPhone: '',
    callBack: false,
    description: '',
    filedByName: '',
    photoIds: [],
    messages: [],
  };
}
