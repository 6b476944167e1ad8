import 'server-only';
import { sql } from 'kysely';
import { MAX_READ_SECONDS } from '@/lib/constants';
import type { Trx } from './db/client';
import { OpRejected, requireSaneTime, type ApplyContext, type ApplyFn } from './sync/registry';

/**
 * Study progress arrives as events (open, time read, complete). Each event is kept as a row keyed by its op id,
 * and folded into one progress row per user and lesson, which is what reports count. Every event's time must lie
 * in the account's lifetime (requireSaneTime), and reading time is credited only for time that really passed.
 */
async function requireLesson(trx: Trx, lessonId: string): Promise<void> {
  const lesson = await trx.selectFrom('lesson').select('id').where('id', '=', lessonId).executeTakeFirst();
  if (!lesson) throw new OpRejected(`课程不存在：${lessonId} / lesson not found`);
}

/**
 * The seconds of a read that may be credited. A person reads one thing at a time, on however many phones, so a read
 * covers [at - seconds, at] and is cut to begin after every read already credited to them that ends before `at`;
 * a read that ends inside time already credited gets nothing. Credited reads are stored as (occurredAt = end,
 * seconds = credited), so the stored events are exactly the person's credited, non-overlapping intervals.
 */
async function creditedSeconds(ctx: ApplyContext, at: string, claimed: number): Promise<number> {
  // Two pushes of one person's reads must not both see the other's time as free: serialise them per person
  // (SQLite's write transaction already holds the database's one write lock).
  if (ctx.dbKind === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtextextended(${`studyRead:${ctx.userId}`}, 0))`.execute(ctx.trx);
  const end = Date.parse(at);
  let from = end - claimed * 1000;
  const credited = await ctx.trx
    .selectFrom('studyEvent')
    .select(['occurredAt', 'seconds'])
    .where('userId', '=', ctx.userId)
    .where('kind', '=', 'read')
    .where('seconds', '>', 0)
    .where('occurredAt', '>', new Date(from).toISOString())
    .where('occurredAt', '<', new Date(end + MAX_READ_SECONDS * 1000).toISOString())
    .execute();
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
