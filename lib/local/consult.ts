import { uuidv7 } from '@/lib/local/uuid';
import { addWorkingDays, chinaDate } from '@/lib/consult/deadline';
import { badgeCount } from '@/lib/consult/queue';
import {
  CONSULT_CONSENT_VERSION,
  DEFAULT_DEADLINE_WORKING_DAYS,
  type ConsultCategory,
  type ConsultChannel,
  type ConsultMessage,
  type ConsultPullChanges,
  type ConsultRecord,
  type MessageKind,
  type Rating,
  type Referral,
} from '@/lib/consult/types';
import { getSetting, localDb, setSetting, type LocalProfile, type PufaDB } from './db';
import { enqueueOp } from './outbox';

/**
 * Legal consultations on the phone. Every change is written to the local record and queued as an op in one
 * transaction; offline both wait on the phone (the record is marked waiting) and the sync loop pushes the op when
 * there is signal. Pulls replace records with the server's, keeping messages not yet pushed.
 */
function tables(db: PufaDB) {
  return [db.consultations, db.outbox, db.settings];
}

export interface ConsultConsent {
  version: string;
  at: string;
}

export async function consentGiven(db = localDb()): Promise<ConsultConsent | null> {
  const consent = await getSetting<ConsultConsent>(db, 'consultConsent');
  return consent?.version === CONSULT_CONSENT_VERSION ? consent : null;
}

/** The separate consent (单独同意): kept on the phone with its version and sent with each request. */
export async function giveConsent(db = localDb()): Promise<ConsultConsent> {
  const consent = { version: CONSULT_CONSENT_VERSION, at: new Date().toISOString() };
  await setSetting(db, 'consultConsent', consent);
  return consent;
}

export interface FileInput {
  /** Made by the form up front, so photos picked before saving are kept under the request's id. */
  id?: string;
  channel: ConsultChannel;
  category: ConsultCategory;
  villageId: string;
  villageName: string;
  description: string;
  requesterName: string;
  contactPhone: string;
  callBack: boolean;
  forOther: boolean;
  activityId?: string | null;
  photoIds?: string[];
}

/** Writes: a new consultation (waiting). Queues: consult.file with the consent version for a request made in the app. */
export async function fileConsultation(input: FileInput, me: LocalProfile, label: string, db = localDb()): Promise<string> {
  const id = input.id ?? uuidv7();
  const at = new Date().toISOString();
  await db.transaction('rw', tables(db), async () => {
    const consent = input.channel === 'app' ? await consentGiven(db) : null;
    if (input.channel === 'app' && !consent) throw new Error('consent required');
    const own = input.channel === 'app' && !input.forOther;
    const walkIn = input.channel === 'walk-in';
    await db.consultations.put({
      id,
      full: true,
      channel: input.channel,
      category: input.category,
      villageId: input.villageId,
      villageName: input.villageName,
      requesterName: input.requesterName || (own ? me.name : ''),
      contactPhone: input.contactPhone || (own ? me.phone : ''),
      callBack: input.callBack,
      description: input.description,
      filedForOther: input.forOther,
      filedByName: me.name,
      mineAsRequester: own,
      mineAsFiler: true,
      activityId: input.activityId ?? null,
      status: walkIn ? 'resolved' : 'new',
      assigneeId: walkIn && me.role === 'lawyer' ? me.id : null,
      assigneeName: walkIn && me.role === 'lawyer' ? me.name : null,
      referral: null,
      deadline: addWorkingDays(chinaDate(at), DEFAULT_DEADLINE_WORKING_DAYS),
      filedAt: at,
      resolvedAt: walkIn ? at : null,
      rating: null,
      anonymised: false,
      photoIds: input.photoIds ?? [],
      messages: [],
      waiting: true,
    });
    await enqueueOp(
      db,
      'consult.file',
      {
        id,
        channel: input.channel,
        category: input.category,
        villageId: input.villageId,
        description: input.description,
        requesterName: input.requesterName,
        contactPhone: input.contactPhone,
        callBack: input.callBack,
        forOther: input.forOther,
        consentVersion: consent?.version ?? null,
        activityId: input.activityId ?? null,
        photoIds: input.photoIds ?? [],
        at,
      },
      label,
    );
  });
  return id;
}

async function change(
  db: PufaDB,
  id: string,
  fn: (c: ConsultRecord) => Partial<ConsultRecord>,
  queue: () => Promise<unknown>,
): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const record = await db.consultations.get(id);
    if (!record) throw new Error(`consultation ${id} is not on this phone`);
    await db.consultations.put({ ...record, ...fn(record), waiting: true });
    await queue();
  });
}

function message(me: LocalProfile, kind: MessageKind, body: string, referral: Referral | null = null): ConsultMessage {
  return { id: uuidv7(), kind, authorName: me.name, mine: true, body, referral, at: new Date().toISOString(), waiting: true };
}

/** Writes: the lawyer as assignee. Queues: consult.take (refused on the server if another lawyer took it first). */
export function takeConsultation(id: string, me: LocalProfile, label: string, db = localDb()): Promise<void> {
  const at = new Date().toISOString();
  return change(
    db,
    id,
    () => ({ assigneeId: me.id, assigneeName: me.name, status: 'open' }),
    () => enqueueOp(db, 'consult.take', { consultationId: id, at }, label),
  );
}

/** Writes: the chosen lawyer. Queues: consult.assign (administrators). */
export function assignConsultation(id: string, lawyer: { id: string; name: string }, label: string, db = localDb()): Promise<void> {
  const at = new Date().toISOString();
  return change(
    db,
    id,
    (c) => ({ assigneeId: lawyer.id, assigneeName: lawyer.name, status: c.status === 'resolved' ? 'resolved' : 'open' }),
    () => enqueueOp(db, 'consult.assign', { consultationId: id, lawyerId: lawyer.id, at }, label),
  );
}

/** Writes: a message in the thread. Queues: consult.reply (lawyer, administrator) or consult.followup (requester). */
export function sendMessage(
  id: string,
  kind: 'reply' | 'followup',
  body: string,
  me: LocalProfile,
  label: string,
  db = localDb(),
): Promise<void> {
  const m = message(me, kind, body);
  return change(
    db,
    id,
    (c) => ({
      messages: [...c.messages, m],
      status: kind === 'reply' ? (c.status === 'resolved' ? 'resolved' : 'answered') : c.assigneeId ? 'open' : c.status,
    }),
    () =>
      enqueueOp(
        db,
        kind === 'reply' ? 'consult.reply' : 'consult.followup',
        { consultationId: id, messageId: m.id, body, at: m.at },
        label,
      ),
  );
}

/** Writes: the referral and its note. Queues: consult.refer. */
export function referConsultation(id: string, to: Referral, body: string, me: LocalProfile, label: string, db = localDb()): Promise<void> {
  const m = message(me, 'referral', body, to);
  return change(
    db,
    id,
    (c) => ({ messages: [...c.messages, m], referral: to, status: c.status === 'resolved' ? 'resolved' : 'answered' }),
    () => enqueueOp(db, 'consult.refer', { consultationId: id, messageId: m.id, to, body, at: m.at }, label),
  );
}

/** Writes: resolved. Queues: consult.resolve. */
export function resolveConsultation(id: string, me: LocalProfile, label: string, db = localDb()): Promise<void> {
  const m = message(me, 'resolved', '');
  return change(
    db,
    id,
    (c) => ({ messages: [...c.messages, m], status: 'resolved', resolvedAt: m.at }),
    () => enqueueOp(db, 'consult.resolve', { consultationId: id, messageId: m.id, at: m.at }, label),
  );
}

/** Writes: the rating (dissatisfied reopens it for the administrator). Queues: consult.rate. */
export function rateConsultation(id: string, rating: Rating, label: string, db = localDb()): Promise<void> {
  const at = new Date().toISOString();
  return change(
    db,
    id,
    () => ({ rating, ...(rating === 'dissatisfied' ? { status: 'reopened' as const, resolvedAt: null } : {}) }),
    () => enqueueOp(db, 'consult.rate', { consultationId: id, rating, at }, label),
  );
}

/** Writes: the deadline. Queues: consult.deadline (administrators). */
export function setConsultDeadline(id: string, deadline: string, label: string, db = localDb()): Promise<void> {
  const at = new Date().toISOString();
  return change(
    db,
    id,
    () => ({ deadline }),
    () => enqueueOp(db, 'consult.deadline', { consultationId: id, deadline, at }, label),
  );
}

/** Ids of requests with ops still waiting in the outbox. */
async function waitingIds(db: PufaDB): Promise<Set<string>> {
  const ops = await db.outbox.where('status').equals('pending').toArray();
  return new Set(
    ops
      .filter((op) => op.type.startsWith('consult.'))
      .map((op) => {
        const p = op.payload as { id?: string; consultationId?: string };
        return p.consultationId ?? p.id ?? '';
      }),
  );
}

export function consultPullTables(db: PufaDB) {
  return [db.consultations, db.outbox];
}

/** Runs inside the pull's transaction: the server's records, with messages this phone has not pushed yet kept. */
export async function applyConsultChanges(
  db: PufaDB,
  data: Partial<ConsultPullChanges>,
  me: { id: string; role: string } | undefined,
): Promise<number> {
  const incoming = data.consultations ?? [];
  const waiting = await waitingIds(db);
  for (const record of incoming) {
    const local = await db.consultations.get(record.id);
    const known = new Set(record.messages.map((m) => m.id));
    const unsent = waiting.has(record.id) ? (local?.messages ?? []).filter((m) => m.waiting && !known.has(m.id)) : [];
    await db.consultations.put({ ...record, messages: [...record.messages, ...unsent], waiting: waiting.has(record.id) });
  }
  await db.consultations.bulkDelete((data.consultationsGone ?? []).filter((id) => !waiting.has(id)));
  if (me) await setSetting(db, 'consultBadge', badgeCount(await db.consultations.toArray(), me, new Date().toISOString()));
  return incoming.length + (data.consultationsGone?.length ?? 0);
}

/** Signing out: requests and their personal details leave the phone (sign-out is refused while ops wait). */
export async function clearConsultations(db: PufaDB): Promise<void> {
  await db.consultations.clear();
  await db.settings.bulkDelete(['consultBadge', 'consultConsent']);
}
