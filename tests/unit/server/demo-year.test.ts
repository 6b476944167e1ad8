import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedContent } from '@/server/content';
import type { DbHandle } from '@/server/db/client';
import { getOrgUnit } from '@/server/org';
import { loadShippedQuestions } from '@/server/quiz/bank';
import { seedDemoYear } from '@/server/reports/demo-year';
import { reportRecords } from '@/server/reports/records';
import { reportSummary } from '@/server/reports/summary';
import { seedDemo } from '@/server/seed';
import { freshTestDb, testDbKinds, type TestDb } from '../../support/test-db';

/**
 * The demo year (server/reports/demo-year.ts) on SQLite and PostgreSQL: seeded through the ops' apply functions, its
 * report has exam figures as well as activities, every exam figure drills down to as many records, and seeding again
 * adds nothing.
 */
describe.each(testDbKinds)('the demo year on %s', (kind) => {
  let test: TestDb;
  let handle: DbHandle;
  const period = ['2025-01-01', '2025-12-31'] as const;
  const counts = async () => ({
    activities: Number(
      (
        await handle.db
          .selectFrom('activity')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    papers: Number(
      (
        await handle.db
          .selectFrom('examPaper')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    attempts: Number(
      (
        await handle.db
          .selectFrom('examAttempt')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    exams: Number(
      (
        await handle.db
          .selectFrom('exam')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  beforeAll(async () => {
    test = await freshTestDb(kind);
    handle = test.handle;
    // as npm run demo does first: the shipped lessons and question bank
    await loadShippedContent(handle, path.resolve(process.cwd(), 'content'));
    await loadShippedQuestions(handle, path.resolve(process.cwd(), 'content'));
    await seedDemo(handle, 'Pufa-demo-2026', new Date('2026-03-20T08:00:00Z'));
  });
  afterAll(async () => test?.drop());

  it('gives the township a year of exam attempts, participants and a pass rate that drill down', async () => {
    const s = (await reportSummary(handle.db, 'org-town', ...period))!;
    expect(s.activities.byKind.publicity).toBe(31);
    expect(s.exams.participants).toBeGreaterThanOrEqual(5);
    expect(s.exams.attempts).toBeGreaterThan(s.exams.participants); // some failed and took their second paper
    expect(s.exams.passRate).toBeGreaterThan(0);
    expect(s.exams.passRate).toBeLessThan(100);

    const records = await reportRecords(handle.db, (await getOrgUnit(handle.db, 'org-town'))!, ...period, { figure: 'exams' });
    expect(records.total).toBe(s.exams.attempts);
    expect(new Set(records.rows.map((r) => r.participant)).size).toBe(s.exams.participants);
    expect(records.rows.every((r) => String(r.submittedAt).startsWith('2025-11-'))).toBe(true);
    const passers = new Set(records.rows.filter((r) => r.passed === 1).map((r) => r.participant));
    expect(Math.round((passers.size / s.exams.participants) * 1000) / 10).toBe(s.exams.passRate);

    // every attempt went through the exam's rules: one paper each, at most two per person, graded by the server
    const perPerson = new Map<string, number>();
    for (const r of records.rows) perPerson.set(String(r.participant), (perPerson.get(String(r.participant)) ?? 0) + 1);
    expect(Math.max(...perPerson.values())).toBeLessThanOrEqual(2);
    const c = await counts();
    expect(c.papers).toBe(c.attempts);
  });

  it('seeds nothing twice when the demo runs again', async () => {
    const before = await counts();
    expect(await seedDemoYear(handle, 2025)).toBe(false);
    await seedDemo(handle, 'Pufa-demo-2026', new Date('2026-03-20T08:00:00Z'));
    expect(await counts()).toEqual(before);
  });
});
