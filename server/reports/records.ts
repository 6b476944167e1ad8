import 'server-only';
import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import { ACTIVITY_KINDS, STUDY_KINDS } from '@/lib/activity/types';
import { CONSULT_CATEGORIES } from '@/lib/consult/types';
import { periodBounds } from '@/lib/report/period';
import type { Db } from '../db/client';
import { inOrgSubtree, isUnder, NO_UNIT_PATH, type OrgUnit } from '../org';
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
  let root = unit.path;
  if (filter.village) {
    const v = await db.selectFrom('orgUnit').select('path').where('id', '=', filter.village).executeTakeFirst();
    root = v && isUnder(v.path, unit.path) ? v.path : NO_UNIT_PATH;
  }
  const page = filter.page ?? 1;
  const rows =
    filter.figure === 'legalLiterate'
      ? await registerRows(db, root, from, to)
      : await figureRows(db, FIGURE_TABLES[filter.figure], filter, root, periodBounds(from, to));
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

const cst = (iso: unknown) =>
  typeof iso === 'string' && iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

/** The part of a Kysely select query a figure's table hands over: the common filters and the order are added here. */
interface RowQuery {
  where(expression: Expression<SqlBool>): RowQuery;
  orderBy(expression: Expression<unknown>): RowQuery;
  execute(): Promise<object[]>;
}

/**
 * One figure's records, as a table row: the query (its table, joins with the row's org unit joined as `orgUnit`,
 * and its columns, never names, phones or descriptions of people who asked for help), the time that places a record
 * in the period and orders the list, the drill-down filters it takes (filter → column), the cells shown as China
 * time and those read as numbers (counts and integers come back as text or bigint on PostgreSQL).
 */
interface FigureTable {
  query: (db: Db) => RowQuery;
  time: string;
  tiebreak?: string;
  filters: Partial<Record<'kind' | 'studyKind' | 'category', string>>;
  times: string[];
  numbers: string[];
  /** Cells computed from others, after times and numbers. */
  derive?: (row: RecordRow) => RecordRow;
}

const FIGURE_TABLES: Record<Exclude<RecordFigure, 'legalLiterate'>, FigureTable> = {
  activities: {
    query: (db) =>
      db
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
        ),
    time: 'activity.startsAt',
    tiebreak: 'activity.id',
    filters: { kind: 'activity.kind', studyKind: 'activity.studyKind' },
    times: ['startsAt'],
    numbers: ['audience', 'checkIns'],
  },
  checkIns: {
    query: (db) =>
      db
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
        ]),
    // A check-in counts in the period of its activity (an activity counts in the period in which it started).
    time: 'activity.startsAt',
    tiebreak: 'checkIn.id',
    filters: { kind: 'activity.kind' },
    times: ['checkedInAt'],
    numbers: [],
  },
  consultations: {
    query: (db) =>
      db
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
        ]),
    time: 'consultation.filedAt',
    tiebreak: 'consultation.id',
    filters: { category: 'consultation.category' },
    times: ['filedAt', 'firstReplyAt', 'resolvedAt'],
    numbers: [],
  },
  lessons: {
    query: (db) =>
      db
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
        ]),
    time: 'lessonProgress.completedAt',
    filters: {},
    times: ['completedAt'],
    numbers: ['secondsSpent'],
    derive: ({ secondsSpent, ...r }) => ({ ...r, minutes: Math.round(Number(secondsSpent) / 6) / 10 }),
  },
  exams: {
    query: (db) =>
      db
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
        ]),
    time: 'examAttempt.submittedAt',
    filters: {},
    times: ['submittedAt'],
    numbers: [],
    derive: (r) => ({ ...r, passed: r.passed ? 1 : 0 }),
  },
};

/** The rows of one figure's table under `root` in the period, with its drill-down filters. */
async function figureRows(
  db: Db,
  table: FigureTable,
  filter: Omit<RecordsFilter, 'page'>,
  root: string,
  { fromIso, toIso }: { fromIso: string; toIso: string },
): Promise<RecordRow[]> {
  const time = sql.ref(table.time);
  let q = table
    .query(db)
    .where(inOrgSubtree(root))
    .where(sql<SqlBool>`${time} >= ${fromIso}`)
    .where(sql<SqlBool>`${time} < ${toIso}`);
  for (const [key, column] of Object.entries(table.filters) as [keyof FigureTable['filters'], string][]) {
    const value = filter[key];
    if (value) q = q.where(sql<SqlBool>`${sql.ref(column)} = ${value}`);
  }
  q = q.orderBy(time);
  if (table.tiebreak) q = q.orderBy(sql.ref(table.tiebreak));
  const rows = (await q.execute()) as Record<string, unknown>[];
  return rows.map((raw) => {
    const row = { ...raw } as RecordRow;
    for (const c of table.times) row[c] = cst(raw[c]);
    for (const c of table.numbers) row[c] = Number(raw[c] ?? 0);
    return table.derive ? table.derive(row) : row;
  });
}

/**
 * The 法律明白人 register: the people serving or retired in the period, with their training (lessons completed,
 * exams) and duties logged (activities hosted, requests filed for neighbours) in the period, per person.
 */
async function registerRows(db: Db, root: string, from: string, to: string): Promise<RecordRow[]> {
  if (root === NO_UNIT_PATH) return [];
  const { fromIso, toIso } = periodBounds(from, to);
  const people = await legalLiteratePeople(db, root, from, to);
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
  const count = (rows: { userId: string; n: number | string | bigint }[], id: string) => Number(rows.find((r) => r.userId === id)?.n ?? 0);
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    orgUnit: p.orgUnitName,
    certifiedOn: p.legalLiterateSince,
    // A retirement after the period is not part of it: last year's register reads as it did, whatever happened since.
    retiredOn: p.legalLiterateRetiredAt && p.legalLiterateRetiredAt <= to ? p.legalLiterateRetiredAt : null,
    serving: p.serving ? 1 : 0,
    lessonsCompleted: count(lessons, p.id),
    examAttempts: count(exams, p.id),
    bestScore: exams.find((e) => e.userId === p.id)?.best ?? null,
    activitiesHosted: count(hosted, p.id),
    filedForNeighbours: count(filed, p.id),
  }));
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
