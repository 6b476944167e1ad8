import 'server-only';
import { sql } from 'kysely';
import type { Trx } from './db/client';
import { OpRejected, type ApplyContext, type ApplyFn, type BatchApplyFn, type BatchItem } from './sync/registry';

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

const KIND = { 'study.open': 'open', 'study.read': 'read', 'study.complete': 'complete' } as const;
const CHUNK = 500;

/**
 * The batch path of the three study ops (push.ts hands it a run of them): the same checks and the same rows as
 * recordEvent one op at a time, with one lesson lookup, one multi-row event insert and one upsert per lesson.
 */
const studyBatch: BatchApplyFn = async (ctx, items) => {
  const rejected = new Map<string, string>();
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
  const accepted = events.filter((e) => {
    if (known.has(e.lessonId)) return true;
    rejected.set(e.opId, `课程不存在：${e.lessonId} / lesson not found`);
    return false;
  });
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
