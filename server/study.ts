import 'server-only';
import { sql } from 'kysely';
import { MAX_READ_SECONDS } from '@/lib/constants';
import type { Trx } from './db/client';
import { OpRejected, requireSaneTime, type ApplyContext, type ApplyFn, type BatchApplyFn, type BatchItem } from './sync/registry';

/**
 * Study progress arrives as events (open, time read, complete). Each event is kept as a row keyed by its op id,
 * and folded into one progress row per user and lesson, which is what reports count. Every event's time must lie
 * in the account's lifetime (requireSaneTime), and reading time is credited only for time that really passed.
 */
async function requireLesson(trx: Trx, lessonId: string): Promise<void> {
  const lesson = await trx.selectFrom('lesson').select('id').where('id', '=', lessonId).executeTakeFirst();
  if (!lesson) throw new OpRejected('LESSON_NOT_FOUND', { id: lessonId });
}

/**
 * The seconds of a read that may be credited. A person reads one thing at a time, on however many phones, so a read
 * covers [at - seconds, at] and is cut to begin after every read already credited to them that ends before `at`;
 * a read that ends inside time already credited gets nothing. Credited reads are stored as (occurredAt = end,
 * seconds = credited), so the stored events are exactly the person's credited, non-overlapping intervals.
 */
async function creditedSeconds(ctx: ApplyContext, at: string, claimed: number): Promise<number> {
  await lockReads(ctx);
  const end = Date.parse(at);
  return creditFrom(await creditedReads(ctx, end - claimed * 1000, end), end, claimed);
}

/**
 * Two pushes of one person's reads must not both see the other's time as free: serialise them per person
 * (SQLite's write transaction already holds the database's one write lock).
 */
async function lockReads(ctx: Pick<ApplyContext, 'trx' | 'dbKind' | 'userId'>): Promise<void> {
  if (ctx.dbKind === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtextextended(${`studyRead:${ctx.userId}`}, 0))`.execute(ctx.trx);
}

type CreditedRead = { occurredAt: string; seconds: number };

/** The person's credited reads that can overlap a read ending in (from, end] (none lasts over MAX_READ_SECONDS). */
function creditedReads(ctx: Pick<ApplyContext, 'trx' | 'userId'>, from: number, end: number): Promise<CreditedRead[]> {
  return ctx.trx
    .selectFrom('studyEvent')
    .select(['occurredAt', 'seconds'])
    .where('userId', '=', ctx.userId)
    .where('kind', '=', 'read')
    .where('seconds', '>', 0)
    .where('occurredAt', '>', new Date(from).toISOString())
    .where('occurredAt', '<', new Date(end + MAX_READ_SECONDS * 1000).toISOString())
    .execute();
}

/** The seconds of a read of `claimed` seconds ending at `end` that no credited read already covers. */
function creditFrom(credited: CreditedRead[], end: number, claimed: number): number {
  let from = end - claimed * 1000;
  for (const read of credited) {
    const readEnd = Date.parse(read.occurredAt);
    if (readEnd - read.seconds * 1000 >= end) continue;
    if (readEnd >= end) return 0;
    from = Math.max(from, readEnd);
  }
  return Math.max(0, Math.floor((end - from) / 1000));
}

async function recordEvent(
  ctx: ApplyContext,
  lessonId: string,
  kind: 'open' | 'read' | 'complete',
  seconds: number,
  at: string,
): Promise<void> {
  requireSaneTime(ctx, at);
  await requireLesson(ctx.trx, lessonId);
  if (kind === 'read') seconds = await creditedSeconds(ctx, at, seconds);
  await ctx.trx
    .insertInto('studyEvent')
    .values({ id: ctx.opId, userId: ctx.userId, lessonId, kind, seconds, occurredAt: at, deviceId: ctx.deviceId, createdAt: ctx.now })
    .execute();
  await ctx.trx
    .insertInto('lessonProgress')
    .values({
      userId: ctx.userId,
      lessonId,
      openedAt: at,
      completedAt: kind === 'complete' ? at : null,
      secondsSpent: seconds,
      changeSeq: ctx.changeSeq,
    })
    .onConflict((oc) =>
      oc.columns(['userId', 'lessonId']).doUpdateSet({
        // Phones push late and out of order: keep the earliest open and the earliest completion.
        openedAt: sql`case when ${sql.ref('lessonProgress.openedAt')} is null or ${sql.ref('lessonProgress.openedAt')} > excluded.${sql.ref('openedAt')} then excluded.${sql.ref('openedAt')} else ${sql.ref('lessonProgress.openedAt')} end`,
        completedAt:
          kind === 'complete'
            ? sql`case when ${sql.ref('lessonProgress.completedAt')} is null or ${sql.ref('lessonProgress.completedAt')} > excluded.${sql.ref('completedAt')} then excluded.${sql.ref('completedAt')} else ${sql.ref('lessonProgress.completedAt')} end`
            : sql`${sql.ref('lessonProgress.completedAt')}`,
        secondsSpent: sql`${sql.ref('lessonProgress.secondsSpent')} + excluded.${sql.ref('secondsSpent')}`,
        changeSeq: ctx.changeSeq,
      }),
    )
    .execute();
}

const open: ApplyFn<'study.open'> = (ctx, p) => recordEvent(ctx, p.lessonId, 'open', 0, p.at);
const read: ApplyFn<'study.read'> = (ctx, p) => recordEvent(ctx, p.lessonId, 'read', p.seconds, p.at);
const complete: ApplyFn<'study.complete'> = (ctx, p) => recordEvent(ctx, p.lessonId, 'complete', 0, p.at);

export const studyOps = { 'study.open': open, 'study.read': read, 'study.complete': complete };

const KIND = { 'study.open': 'open', 'study.read': 'read', 'study.complete': 'complete' } as const;
const CHUNK = 500;

/**
 * The batch path of the three study ops (push.ts hands it a run of them): the same checks (requireSaneTime, the
 * lesson, reading time bounded by elapsed time) and the same rows as recordEvent one op at a time, with one lesson
 * lookup, one read of the person's credited reads, one multi-row event insert and one upsert per lesson.
 */
const studyBatch: BatchApplyFn = async (ctx, items) => {
  const rejected = new Map<string, OpRejected>();
  const events = items.map((item: BatchItem) => {
    const p = item.payload as { lessonId: string; at: string; seconds?: number };
    const kind = KIND[item.type as keyof typeof KIND];
    return { opId: item.opId, lessonId: p.lessonId, at: p.at, kind, seconds: kind === 'read' ? (p.seconds ?? 0) : 0 };
  });
  const lessonIds = [...new Set(events.map((e) => e.lessonId))];
  const known = new Set<string>();
  for (let i = 0; i < lessonIds.length; i += CHUNK) {
    const rows = await ctx.trx
      .selectFrom('lesson')
      .select('id')
      .where('id', 'in', lessonIds.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) known.add(row.id);
  }
  // The same checks, in the same order, as recordEvent: the time first, then the lesson.
  const accepted = events.filter((e) => {
    try {
      requireSaneTime(ctx, e.at);
    } catch (error) {
      if (!(error instanceof OpRejected)) throw error;
      rejected.set(e.opId, error);
      return false;
    }
    if (known.has(e.lessonId)) return true;
    rejected.set(e.opId, new OpRejected('LESSON_NOT_FOUND', { id: e.lessonId }));
    return false;
  });
  // Reading time: credited in op order as the per-op path does, against the person's credited reads fetched once
  // for the whole span of the run plus the reads this run has credited so far.
  const reads = accepted.filter((e) => e.kind === 'read');
  if (reads.length > 0) {
    await lockReads(ctx);
    const ends = reads.map((e) => Date.parse(e.at));
    const starts = reads.map((e, i) => ends[i]! - e.seconds * 1000);
    const credited = await creditedReads(ctx, Math.min(...starts), Math.max(...ends));
    reads.forEach((e, i) => {
      e.seconds = creditFrom(credited, ends[i]!, e.seconds);
      if (e.seconds > 0) credited.push({ occurredAt: e.at, seconds: e.seconds });
    });
  }
  for (let i = 0; i < accepted.length; i += CHUNK) {
    await ctx.trx
      .insertInto('studyEvent')
      .values(
        accepted.slice(i, i + CHUNK).map((e) => ({
          id: e.opId,
          userId: ctx.userId,
          lessonId: e.lessonId,
          kind: e.kind,
          seconds: e.seconds,
          occurredAt: e.at,
          deviceId: ctx.deviceId,
          createdAt: ctx.now,
        })),
      )
      .execute();
  }
  // Folded per lesson first: PostgreSQL refuses an upsert that touches one row twice.
  const folded = new Map<string, { lessonId: string; openedAt: string; completedAt: string | null; secondsSpent: number }>();
  for (const e of accepted) {
    const row = folded.get(e.lessonId) ?? { lessonId: e.lessonId, openedAt: e.at, completedAt: null, secondsSpent: 0 };
    if (e.at < row.openedAt) row.openedAt = e.at;
    if (e.kind === 'complete' && (row.completedAt === null || e.at < row.completedAt)) row.completedAt = e.at;
    row.secondsSpent += e.seconds;
    folded.set(e.lessonId, row);
  }
  // In lesson order, so two pushes of one user (two phones) lock the same rows in the same order: no deadlock.
  const rows = [...folded.values()].sort((a, b) => (a.lessonId < b.lessonId ? -1 : a.lessonId > b.lessonId ? 1 : 0));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await ctx.trx
      .insertInto('lessonProgress')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ userId: ctx.userId, changeSeq: ctx.changeSeq, ...r })))
      .onConflict((oc) =>
        oc.columns(['userId', 'lessonId']).doUpdateSet({
          openedAt: sql`case when ${sql.ref('lessonProgress.openedAt')} is null or ${sql.ref('lessonProgress.openedAt')} > excluded.${sql.ref('openedAt')} then excluded.${sql.ref('openedAt')} else ${sql.ref('lessonProgress.openedAt')} end`,
          completedAt: sql`case when ${sql.ref('lessonProgress.completedAt')} is null or ${sql.ref('lessonProgress.completedAt')} > excluded.${sql.ref('completedAt')} then excluded.${sql.ref('completedAt')} else ${sql.ref('lessonProgress.completedAt')} end`,
          secondsSpent: sql`${sql.ref('lessonProgress.secondsSpent')} + excluded.${sql.ref('secondsSpent')}`,
          changeSeq: ctx.changeSeq,
        }),
      )
      .execute();
  }
  return rejected;
};

export const studyBatchOps = { 'study.open': studyBatch, 'study.read': studyBatch, 'study.complete': studyBatch };
