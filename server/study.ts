import 'server-only';
import { sql } from 'kysely';
import type { Trx } from './db/client';
import { OpRejected, type ApplyContext, type ApplyFn } from './sync/registry';

/**
 * Study progress arrives as events (open, time read, complete). Each event is kept as a row keyed by its op id,
 * and folded into one progress row per user and lesson, which is what reports count.
 */
async function requireLesson(trx: Trx, lessonId: string): Promise<void> {
  const lesson = await trx.selectFrom('lesson').select('id').where('id', '=', lessonId).executeTakeFirst();
  if (!lesson) throw new OpRejected(`课程不存在：${lessonId} / lesson not found`);
}

async function recordEvent(
  ctx: ApplyContext,
  lessonId: string,
  kind: 'open' | 'read' | 'complete',
  seconds: number,
  at: string,
): Promise<void> {
  await requireLesson(ctx.trx, lessonId);
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
