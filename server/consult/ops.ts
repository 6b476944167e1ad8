import 'server-only';
import { addWorkingDays, chinaDate } from '@/lib/consult/deadline';
import { CONSULT_CONSENT_VERSION, STAFF_CHANNELS, type ConsultChannel } from '@/lib/consult/types';
import { isRole, type Role } from '@/lib/roles';
import type { Trx } from '../db/client';
import type { ConsultationMessageTable } from '../db/schema';
import { attachFile, canAttachFile } from '../files';
import { OpRejected, type ApplyContext, type ApplyFn } from '../sync/registry';
import { canReadConsultation, type ConsultationRow } from './access';
import { checkWalkInActivity } from './walk-in';
import { getConsultSettings } from './settings';

/**
 * The consultation's operations: filing (by the requester, by a 法律明白人 for a neighbour, a walk-in at an event,
 * or a case staff log from another channel), taking and assigning, the reply thread, referral, resolving, rating
 * and the deadline. Each one checks who may do it on the server and moves the request's change sequence, so every
 * phone allowed to read it gets the new state at its next pull.
 */
interface Actor {
  id: string;
  role: Role;
  name: string;
  phone: string;
  legalLiterate: boolean;
  orgUnitId: string | null;
}

async function actorOf(trx: Trx, userId: string): Promise<Actor> {
  const u = await trx
    .selectFrom('user')
    .select(['id', 'role', 'name', 'username', 'legalLiterate', 'orgUnitId'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    id: u.id,
    role: isRole(u.role) ? u.role : 'villager',
    name: u.name,
    phone: u.username ?? '',
    legalLiterate: Boolean(u.legalLiterate),
    orgUnitId: u.orgUnitId,
  };
}

const NOT_FOUND = 'CONSULTATION_NOT_FOUND';

async function consultationFor(ctx: ApplyContext, actor: Actor, id: string): Promise<ConsultationRow> {
  const row = await ctx.trx.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !canReadConsultation(actor, row)) throw new OpRejected(NOT_FOUND);
  return row;
}

async function addMessage(ctx: ApplyContext, m: Omit<ConsultationMessageTable, 'createdAt'> & { createdAt?: string }): Promise<void> {
  await ctx.trx
    .insertInto('consultationMessage')
    .values({ ...m, createdAt: m.createdAt ?? ctx.now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** The code of the rule that forbids this person filing this way, or null. */
function fileRule(channel: ConsultChannel, actor: Actor, forOther: boolean): string | null {
  const staff = actor.role === 'admin' || actor.role === 'lawyer';
  if (channel === 'walk-in') return staff || actor.role === 'publicist' ? null : 'WALK_IN_STAFF_ONLY';
  if (channel === 'screening') return staff || actor.legalLiterate ? null : 'SCREENING_LEGAL_LITERATE_ONLY';
  if ((STAFF_CHANNELS as readonly string[]).includes(channel)) return staff ? null : 'STAFF_CHANNEL_ONLY';
  if (forOther && !(staff || actor.legalLiterate)) return 'FOR_OTHER_LEGAL_LITERATE_ONLY';
  return null;
}

const file: ApplyFn<'consult.file'> = async (ctx, p) => {
  const { trx } = ctx;
  const actor = await actorOf(trx, ctx.userId);
  const existing = await trx.selectFrom('consultation').select(['filedBy']).where('id', '=', p.id).executeTakeFirst();
  if (existing?.filedBy === ctx.userId) return; // the same request sent again under a new op id: it counts once
  if (existing) throw new OpRejected('CONSULTATION_ID_TAKEN');
  const refused = fileRule(p.channel, actor, p.forOther);
  if (refused) throw new OpRejected(refused);
  if (p.channel === 'app') {
    if (p.consentVersion !== CONSULT_CONSENT_VERSION) throw new OpRejected('CONSENT_REQUIRED');
    await trx
      .insertInto('consent')
      .values({ userId: actor.id, purpose: 'consultation', version: p.consentVersion, givenAt: p.at })
      .onConflict((oc) => oc.columns(['userId', 'purpose', 'version']).doNothing())
      .execute();
  }
  const village = await trx.selectFrom('orgUnit').select(['level']).where('id', '=', p.villageId).executeTakeFirst();
  if (!village || (village.level !== 'village' && village.level !== 'hamlet')) throw new OpRejected('CHOOSE_VILLAGE');
  const ownRequest = p.channel === 'app' && !p.forOther;
  if (p.forOther && !p.requesterName) throw new OpRejected('REQUESTER_NAME_REQUIRED');
  const contactPhone = p.contactPhone || (ownRequest ? actor.phone : '');
  if (p.callBack && !contactPhone) throw new OpRejected('CALLBACK_NEEDS_PHONE');
  if (p.channel === 'walk-in') await checkWalkInActivity(trx, p.activityId);
  // Knowing a photo's hash must not open someone else's photo by attaching it to one's own request.
  const reader = { id: actor.id, role: actor.role, orgUnitId: actor.orgUnitId, legalLiterate: actor.legalLiterate };
  for (const hash of p.photoIds)
    if (!(await canAttachFile(trx, reader, hash))) throw new OpRejected('PHOTO_OF_OTHER', { photo: hash.slice(0, 8) });
  const settings = await getConsultSettings(trx);
  const walkIn = p.channel === 'walk-in';
  await trx
    .insertInto('consultation')
    .values({
      id: p.id,
      channel: p.channel,
      category: p.category,
      villageId: p.villageId,
      requesterId: ownRequest ? actor.id : null,
      requesterName: p.requesterName || (ownRequest ? actor.name : ''),
      contactPhone,
      callBack: p.callBack,
      description: p.description,
      filedBy: actor.id,
      forOther: p.forOther,
      consentVersion: p.channel === 'app' ? p.consentVersion : null,
      activityId: walkIn ? p.activityId : null,
      photoIds: JSON.stringify(p.photoIds),
      // Advice at an event is given on the spot: the walk-in is answered and resolved when it is recorded.
      status: walkIn ? 'resolved' : 'new',
      assigneeId: walkIn && actor.role === 'lawyer' ? actor.id : null,
      referral: null,
      // The clock starts when the person asked (the phone's time, never later than the server's).
      deadline: addWorkingDays(chinaDate(p.at < ctx.now ? p.at : ctx.now), settings.deadlineWorkingDays),
      filedAt: p.at,
      receivedAt: ctx.now,
      firstReplyAt: walkIn ? p.at : null,
      resolvedAt: walkIn ? p.at : null,
      rating: null,
      ratedAt: null,
      anonymisedAt: null,
      changeSeq: ctx.changeSeq,
    })
    .execute();
  for (const hash of p.photoIds) await attachFile(trx, hash, 'consultation', p.id, ctx.now);
};

async function touch(ctx: ApplyContext, id: string, set: Partial<ConsultationRow> = {}): Promise<void> {
  await ctx.trx
    .updateTable('consultation')
    .set({ ...set, changeSeq: ctx.changeSeq })
    .where('id', '=', id)
    .execute();
}

function requireHandler(actor: Actor, row: ConsultationRow): void {
  if (actor.role !== 'admin' && actor.id !== row.assigneeId) throw new OpRejected('CONSULT_HANDLER_ONLY');
}

function requireRequester(actor: Actor, row: ConsultationRow): void {
  if (actor.id !== row.requesterId && actor.id !== row.filedBy) throw new OpRejected('CONSULT_REQUESTER_ONLY');
}

function requireOpen(row: ConsultationRow): void {
  if (row.anonymisedAt) throw new OpRejected('CONSULTATION_ANONYMISED');
}

const take: ApplyFn<'consult.take'> = async (ctx, p) => {
  const actor = await actorOf(ctx.trx, ctx.userId);
  if (actor.role !== 'lawyer') throw new OpRejected('LAWYERS_ONLY_TAKE');
  const row = await ctx.trx.selectFrom('consultation').selectAll().where('id', '=', p.consultationId).executeTakeFirst();
  if (!row) throw new OpRejected(NOT_FOUND);
  if (row.assigneeId === actor.id) return;
  if (row.assigneeId) throw new OpRejected('TAKEN_BY_OTHER_LAWYER');
  if (row.status !== 'new') throw new OpRejected(NOT_FOUND);
  await addMessage(ctx, {
    id: ctx.opId,
    consultationId: row.id,
    authorId: actor.id,
    kind: 'assigned',
    body: '',
    referral: null,
    createdAt: p.at,
  });
  await touch(ctx, row.id, { assigneeId: actor.id, status: 'open' });
};

const assign: ApplyFn<'consult.assign'> = async (ctx, p) => {
  const actor = await actorOf(ctx.trx, ctx.userId);
  if (actor.role !== 'admin') throw new OpRejected('ADMINS_ONLY_ASSIGN');
  const row = await consultationFor(ctx, actor, p.consultationId);
  const lawyer = await ctx.trx.selectFrom('user').select(['id', 'role']).where('id', '=', p.lawyerId).executeTakeFirst();
  if (!lawyer || lawyer.role !== 'lawyer') throw new OpRejected('CHOOSE_LAWYER');
  await addMessage(ctx, {
    id: ctx.opId,
    consultationId: row.id,
    authorId: actor.id,
    kind: 'assigned',
    body: '',
    referral: null,
    createdAt: p.at,
  });
  await touch(ctx, row.id, { assigneeId: lawyer.id, status: row.status === 'resolved' ? 'resolved' : 'open' });
};

/**
 * A message in the thread: a reply from whoever handles the request (its lawyer or an administrator) answers it; a
 * follow-up from the person who asked puts it back with its lawyer (or in the new queue when nobody has it yet).
 */
function postMessage(kind: 'reply' | 'followup'): ApplyFn<'consult.reply' | 'consult.followup'> {
  return async (ctx, p) => {
    const actor = await actorOf(ctx.trx, ctx.userId);
    const row = await consultationFor(ctx, actor, p.consultationId);
    requireOpen(row);
    if (kind === 'reply') requireHandler(actor, row);
    else requireRequester(actor, row);
    await addMessage(ctx, {
      id: p.messageId,
      consultationId: row.id,
      authorId: actor.id,
      kind,
      body: p.body,
      referral: null,
      createdAt: p.at,
    });
    if (kind === 'reply')
      await touch(ctx, row.id, { status: row.status === 'resolved' ? 'resolved' : 'answered', firstReplyAt: row.firstReplyAt ?? p.at });
    else await touch(ctx, row.id, { status: row.assigneeId ? 'open' : row.status === 'reopened' ? 'reopened' : 'new', resolvedAt: null });
  };
}

const refer: ApplyFn<'consult.refer'> = async (ctx, p) => {
  const actor = await actorOf(ctx.trx, ctx.userId);
  const row = await consultationFor(ctx, actor, p.consultationId);
  requireOpen(row);
  requireHandler(actor, row);
  await addMessage(ctx, {
    id: p.messageId,
    consultationId: row.id,
    authorId: actor.id,
    kind: 'referral',
    body: p.body,
    referral: p.to,
    createdAt: p.at,
  });
  await touch(ctx, row.id, {
    referral: p.to,
    status: row.status === 'resolved' ? 'resolved' : 'answered',
    firstReplyAt: row.firstReplyAt ?? p.at,
  });
};

const resolve: ApplyFn<'consult.resolve'> = async (ctx, p) => {
  const actor = await actorOf(ctx.trx, ctx.userId);
  const row = await consultationFor(ctx, actor, p.consultationId);
  requireOpen(row);
  requireHandler(actor, row);
  if (row.status === 'resolved') return;
  await addMessage(ctx, {
    id: p.messageId,
    consultationId: row.id,
    authorId: actor.id,
    kind: 'resolved',
    body: '',
    referral: null,
    createdAt: p.at,
  });
  await touch(ctx, row.id, { status: 'resolved', resolvedAt: p.at });
};

const rate: ApplyFn<'consult.rate'> = async (ctx, p) => {
  const actor = await actorOf(ctx.trx, ctx.userId);
  const row = await consultationFor(ctx, actor, p.consultationId);
  requireRequester(actor, row);
  if (row.status !== 'resolved') throw new OpRejected('RATE_AFTER_RESOLVED');
  // Dissatisfied: back to the administrator, who may reassign it; it no longer counts as resolved.
  const reopened = p.rating === 'dissatisfied';
  await touch(ctx, row.id, { rating: p.rating, ratedAt: p.at, ...(reopened ? { status: 'reopened' as const, resolvedAt: null } : {}) });
};

const deadline: ApplyFn<'consult.deadline'> = async (ctx, p) => {
  const actor = await actorOf(ctx.trx, ctx.userId);
  if (actor.role !== 'admin') throw new OpRejected('ADMINS_ONLY_DEADLINE');
  const row = await consultationFor(ctx, actor, p.consultationId);
  if (p.deadline < chinaDate(row.filedAt)) throw new OpRejected('DEADLINE_BEFORE_FILED');
  await touch(ctx, row.id, { deadline: p.deadline });
};

export const consultOps = {
  'consult.file': file,
  'consult.take': take,
  'consult.assign': assign,
  'consult.reply': postMessage('reply'),
  'consult.followup': postMessage('followup'),
  'consult.refer': refer,
  'consult.resolve': resolve,
  'consult.rate': rate,
  'consult.deadline': deadline,
};
