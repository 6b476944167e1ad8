import 'server-only';
import { sql } from 'kysely';
import { z } from 'zod';
import { ACTIVITY_KINDS, STUDY_KINDS } from '@/lib/activity/types';
import { CONSULT_CATEGORIES } from '@/lib/consult/types';
import { periodBounds } from '@/lib/report/period';
import type { Db } from '../db/client';
import type { OrgUnit } from '../org';
import { legalLiteratePeople } from './summary';

/** The records behind each figure of the report: what the page's figures link to and what the exports list. */
export const RECORD_FIGURES = ['activities', 'checkIns', 'consultations', 'lessons', 'exams', 'legalLiterate'] as const;
export type RecordFigure = (typeof RECORD_FIGURES)[number];
export const RECORDS_PAGE_SIZE = 50;

export const recordsFilterSchema = z.object({
  figure: z.enum(RECORD_FIGURES, { message: 'REPORT_FIGURE' }),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  studyKind: z.enum(STUDY_KINDS).optional(),
  category: z.enum(CONSULT_CATEGORIES).optional(),
  /** Only rows whose org unit lies under this one (a village of the report's unit). */
  village: z.string().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type RecordsFilter = z.infer<typeof recordsFilterSchema>;

/** A pattern no path matches: a village outside the report's unit lists nothing. */
const NOWHERE = '\u0000';

export type RecordRow = Record<string, string | number | null>;
export interface RecordsPage {
  figure: RecordFigure;
  columns: string[];
  rows: RecordRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** All rows of one figure (exports) or one page of them (pageSize). Ordered by time, oldest first. */
export async function reportRecords(
  db: Db,
  unit: OrgUnit,
  from: string,
  to: string,
  filter: Omit<RecordsFilter, 'page'> & { page?: number },
  pageSize?: number,
): Promise<RecordsPage> {
  const { fromIso, toIso } = periodBounds(from, to);
  let under = `${unit.path}%`;
  if (filter.village) {
    const v = await db.selectFrom('orgUnit').select('path').where('id', '=', filter.village).executeTakeFirst();
    under = v && v.path.startsWith(unit.path) ? `${v.path}%` : NOWHERE;
  }
  const page = filter.page ?? 1;
  const rows = await allRows(db, filter, under, from, to, fromIso, toIso);
  const slice = pageSize ? rows.slice((page - 1) * pageSize, page * pageSize) : rows;
  return {
    figure: filter.figure,
    columns: slice[0] ? Object.keys(slice[0]) : [],
    rows: slice,
    total: rows.length,
    page,
    pageSize: pageSize ?? rows.length,
  };
}

const cst = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

async function allRows(
  db: Db,
  filter: Omit<RecordsFilter, 'page'>,
  under: string,
  from: string,
  to: string,
  fromIso: string,
  toIso: string,
): Promise<RecordRow[]> {
  switch (filter.figure) {
    case 'activities': {
      let q = db
        .selectFrom('activity')
        .innerJoin('orgUnit', 'orgUnit.id', 'activity.orgUnitId')
        .leftJoin('activityTheme', 'activityTheme.id', 'activity.themeId')
        .select([
          'activity.id',
          'activity.startsAt',
          'activity.kind',
          'activity.studyKind',
          'activity.title',
          'orgUnit.name as orgUnit',
          'activity.place',
          'activityTheme.name as theme',
          'activity.hostName',
          'activity.audience',
          'activity.banners',
          'activity.posters',
          'activity.leaflets',
          'activity.brochures',
          'activity.gifts',
        ])
        .select((eb) =>
          eb
            .selectFrom('checkIn')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('checkIn.activityId', '=', 'activity.id')
            .as('checkIns'),
        )
        .where('orgUnit.path', 'like', under)
        .where('activity.startsAt', '>=', fromIso)
        .where('activity.startsAt', '<', toIso);
      if (filter.kind) q = q.where('activity.kind', '=', filter.kind);
      if (filter.studyKind) q = q.where('activity.studyKind', '=', filter.studyKind);
      const rows = await q.orderBy('activity.startsAt').orderBy('activity.id').execute();
      return rows.map((r) => ({ ...r, startsAt: cst(r.startsAt), audience: Number(r.audience), checkIns: Number(r.checkIns ?? 0) }));
    }
    case 'checkIns': {
      let q = db
        .selectFrom('checkIn')
        .innerJoin('activity', 'activity.id', 'checkIn.activityId')
        .innerJoin('orgUnit', 'orgUnit.id', 'activity.orgUnitId')
        .select([
          'checkIn.id',
          'checkIn.checkedInAt',
          'checkIn.name',
          'checkIn.method',
          'activity.title as activity',
          'activity.kind',
          'orgUnit.name as orgUnit',
        ])
        .where('orgUnit.path', 'like', under)
        .where('activity.startsAt', '>=', fromIso)
        .where('activity.startsAt', '<', toIso);
      if (filter.kind) q = q.where('activity.kind', '=', filter.kind);
      const rows = await q.orderBy('checkIn.checkedInAt').orderBy('checkIn.id').execute();
      return rows.map((r) => ({ ...r, checkedInAt: cst(r.checkedInAt) }));
    }
    case 'consultations': {
      // No names, phones or descriptions: the report lists what the figures count, not what people asked.
      let q = db
        .selectFrom('consultation')
        .innerJoin('orgUnit', 'orgUnit.id', 'consultation.villageId')
        .select([
          'consultation.id',
          'consultation.filedAt',
          'consultation.channel',
          'consultation.category',
          'orgUnit.name as village',
          'consultation.status',
          'consultation.deadline',
          'consultation.firstReplyAt',
          'consultation.resolvedAt',
          'consultation.rating',
        ])
        .where('orgUnit.path', 'like', under)
        .where('consultation.filedAt', '>=', fromIso)
        .where('consultation.filedAt', '<', toIso);
      if (filter.category) q = q.where('consultation.category', '=', filter.category);
      const rows = await q.orderBy('consultation.filedAt').orderBy('consultation.id').execute();
      return rows.map((r) => ({ ...r, filedAt: cst(r.filedAt), firstReplyAt: cst(r.firstReplyAt), resolvedAt: cst(r.resolvedAt) }));
    }
    case 'lessons': {
      const rows = await db
        .selectFrom('lessonProgress')
        .innerJoin('user', 'user.id', 'lessonProgress.userId')
        .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
        .innerJoin('lesson', 'lesson.id', 'lessonProgress.lessonId')
        .select([
          'lessonProgress.completedAt',
          'user.name as learner',
          'user.role',
          'orgUnit.name as orgUnit',
          'lesson.title as lesson',
          'lessonProgress.secondsSpent',
        ])
        .where('orgUnit.path', 'like', under)
        .where('lessonProgress.completedAt', '>=', fromIso)
        .where('lessonProgress.completedAt', '<', toIso)
        .orderBy('lessonProgress.completedAt')
        .execute();
      return rows.map(({ secondsSpent, ...r }) => ({
        ...r,
        completedAt: cst(r.completedAt),
        minutes: Math.round(Number(secondsSpent) / 6) / 10,
      }));
    }
    case 'exams': {
      const rows = await db
        .selectFrom('examAttempt')
        .innerJoin('exam', 'exam.id', 'examAttempt.examId')
        .innerJoin('user', 'user.id', 'examAttempt.userId')
        .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
        .select([
          'examAttempt.submittedAt',
          'exam.title as exam',
          'user.name as participant',
          'orgUnit.name as orgUnit',
          'examAttempt.attemptNo',
          'examAttempt.score',
          'examAttempt.passed',
        ])
        .where('orgUnit.path', 'like', under)
        .where('examAttempt.submittedAt', '>=', fromIso)
        .where('examAttempt.submittedAt', '<', toIso)
        .orderBy('examAttempt.submittedAt')
        .execute();
      return rows.map((r) => ({ ...r, submittedAt: cst(r.submittedAt), passed: r.passed ? 1 : 0 }));
    }
    case 'legalLiterate': {
      if (under === NOWHERE) return [];
      const people = await legalLiteratePeople(db, under.slice(0, -1), from, to);
      // The register: training (lessons completed, exams) and duties logged (activities hosted, requests filed for
      // neighbours) in the period, per person.
      const ids = people.map((p) => p.id);
      const [lessons, exams, hosted, filed] = ids.length
        ? await Promise.all([
            db
              .selectFrom('lessonProgress')
              .select(['userId', (eb) => eb.fn.countAll<number>().as('n')])
              .where('userId', 'in', ids)
              .where('completedAt', '>=', fromIso)
              .where('completedAt', '<', toIso)
              .groupBy('userId')
              .execute(),
            db
              .selectFrom('examAttempt')
              .select(['userId', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('score').as('best')])
              .where('userId', 'in', ids)
              .where('submittedAt', '>=', fromIso)
              .where('submittedAt', '<', toIso)
              .groupBy('userId')
              .execute(),
            db
              .selectFrom('activity')
              .select(['hostId as userId', (eb) => eb.fn.countAll<number>().as('n')])
              .where('hostId', 'in', ids)
              .where('startsAt', '>=', fromIso)
              .where('startsAt', '<', toIso)
              .groupBy('hostId')
              .execute(),
            db
              .selectFrom('consultation')
              .select(['filedBy as userId', (eb) => eb.fn.countAll<number>().as('n')])
              .where('filedBy', 'in', ids)
              .where('forOther', '=', sql<boolean>`${sql.lit(true)}`)
              .where('filedAt', '>=', fromIso)
              .where('filedAt', '<', toIso)
              .groupBy('filedBy')
              .execute(),
          ])
        : [[], [], [], []];
      const count = (rows: { userId: string; n: number | string | bigint }[], id: string) =>
        Number(rows.find((r) => r.userId === id)?.n ?? 0);
      return people.map((p) => ({
        id: p.id,
        name: p.name,
        orgUnit: p.orgUnitName,
        certifiedOn: p.legalLiterateSince,
        retiredOn: p.legalLiterateRetiredAt ?? null,
        serving: p.serving ? 1 : 0,
        lessonsCompleted: count(lessons, p.id),
        examAttempts: count(exams, p.id),
        bestScore: exams.find((e) => e.userId === p.id)?.best ?? null,
        activitiesHosted: count(hosted, p.id),
        filedForNeighbours: count(filed, p.id),
      }));
    }
  }
}

/** RFC 4180 CSV with a BOM so Excel and WPS open the Chinese text as UTF-8. */
export function toCsv(page: RecordsPage): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    '\uFEFF' +
    [page.columns.map(esc).join(','), ...page.rows.map((r) => page.columns.map((c) => esc(r[c])).join(','))].join('\r\n') +
    '\r\n'
  );
}
