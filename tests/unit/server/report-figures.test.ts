import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/server/db/client';
import { createOrgUnit } from '@/server/org';
import { reportFigures } from '@/server/report';
import { createUser } from '@/server/users';
import { freshTestDb, testDbKinds, type TestDb } from '../../support/test-db';

/**
 * The report's figures from a fixture of known records (issue 13), on SQLite and PostgreSQL: every figure of
 * reportFigures() is exact for a unit and a period, counting only what lies under the unit and inside [from, to).
 *
 * Fixture: 七营镇 with 东山村 (hamlets 一组, 二组, 三组) and 西沟村 (hamlet 一组); 另一镇 with 北川村 outside it.
 * 法律明白人: one in 东山一组, one in 东山二组 (disabled, so not counted), one at 西沟村 itself, one in 北川村.
 * Reading: see `reads` below; a row opened on the period's last instant is outside it (to is exclusive).
 */
describe.each(testDbKinds)('report figures from known records on %s', (kind) => {
  let test: TestDb;
  let handle: DbHandle;
  const ids: Record<string, string> = {};
  let phone = 0;

  const person = async (key: string, orgUnitId: string, legalLiterate: boolean) => {
    ids[key] = (
      await createUser(handle.db, {
        phone: `1390000${String(3000 + phone++)}`,
        name: key,
        password: 'Pufa-demo-2026',
        role: 'villager',
        orgUnitId,
        legalLiterate,
        legalLiterateSince: legalLiterate ? '2025-03-01' : null,
      })
    ).id;
  };
  const read = (userId: string, lessonId: string, openedAt: string, seconds: number, completed: boolean) =>
    handle.db
      .insertInto('lessonProgress')
      .values({ userId, lessonId, openedAt, completedAt: completed ? openedAt : null, secondsSpent: seconds, changeSeq: 1 })
      .execute();

  beforeAll(async () => {
    test = await freshTestDb(kind);
    handle = test.handle;
    const units: [string, string | null, string, 'county' | 'township' | 'village' | 'hamlet'][] = [
      ['t1', null, '七营镇', 'township'],
      ['v1', 't1', '东山村', 'village'],
      ['h1a', 'v1', '东山一组', 'hamlet'],
      ['h1b', 'v1', '东山二组', 'hamlet'],
      ['h1c', 'v1', '东山三组', 'hamlet'],
      ['v2', 't1', '西沟村', 'village'],
      ['h2a', 'v2', '西沟一组', 'hamlet'],
      ['t2', null, '另一镇', 'township'],
      ['v3', 't2', '北川村', 'village'],
    ];
    for (const [id, parentId, name, level] of units) await createOrgUnit(handle.db, { id, parentId, name, level });
    const at = '2026-01-01T00:00:00.000Z';
    await handle.db
      .insertInto('module')
      .values({
        id: 'module-a',
        slug: 'a',
        sortOrder: 1,
        theme: 'x',
        titleZh: '甲',
        titleEn: 'A',
        summaryZh: '',
        summaryEn: '',
        changeSeq: 1,
        updatedAt: at,
      })
      .execute();
    for (const [i, id] of ['lesson-a', 'lesson-b'].entries())
      await handle.db
        .insertInto('lesson')
        .values({
          id,
          slug: id,
          moduleId: 'module-a',
          sortOrder: i,
          title: id,
          titleEn: id,
          minutes: 5,
          body: '',
          cites: '[]',
          changeSeq: 1,
          updatedAt: at,
        })
        .execute();
    await person('literateH1a', 'h1a', true);
    await person('literateH1bDisabled', 'h1b', true);
    await person('literateV2', 'v2', true);
    await person('literateV3', 'v3', true);
    await person('learnerH1c', 'h1c', false);
    await person('learnerH2a', 'h2a', false);
    await handle.db.updateTable('user').set({ banned: 1 }).where('id', '=', ids.literateH1bDisabled!).execute();

    // in March 2026 under 七营镇: literateH1a 2 lessons (1 completed), learnerH1c 1 completed, learnerH2a 1 open
    await read(ids.literateH1a!, 'lesson-a', '2026-03-02T08:00:00.000Z', 1800, true);
    await read(ids.literateH1a!, 'lesson-b', '2026-03-10T08:00:00.000Z', 900, false);
    await read(ids.learnerH1c!, 'lesson-a', '2026-03-15T08:00:00.000Z', 3600, true);
    await read(ids.learnerH2a!, 'lesson-a', '2026-03-31T23:59:59.999Z', 540, false);
    // outside the period (before and on its exclusive end) and outside the unit
    await read(ids.learnerH2a!, 'lesson-b', '2026-02-28T23:59:59.999Z', 7200, true);
    await read(ids.learnerH1c!, 'lesson-b', '2026-04-01T00:00:00.000Z', 7200, true);
    await read(ids.literateV3!, 'lesson-a', '2026-03-05T08:00:00.000Z', 7200, true);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('gives exact township figures for March 2026, by village too', async () => {
    const figures = await reportFigures(handle.db, 't1', '2026-03-01', '2026-04-01');
    expect(figures).toEqual({
      orgUnitId: 't1',
      from: '2026-03-01',
      to: '2026-04-01',
      legalLiterate: 2,
      villages: 2,
      villagesCovered: 2,
      hamlets: 4,
      hamletsCovered: 1,
      completions: 2,
      learners: 3,
      // 1800 + 900 + 3600 + 540 s = 6840 s = 1.9 h
      studyHours: 1.9,
      byVillage: [
        { id: 'v1', name: '东山村', legalLiterate: 1, hamlets: 3, hamletsCovered: 1, completions: 2, learners: 2 },
        { id: 'v2', name: '西沟村', legalLiterate: 1, hamlets: 1, hamletsCovered: 0, completions: 0, learners: 1 },
      ],
    });
  });

  it('gives exact figures for one village and a shorter period', async () => {
    const figures = await reportFigures(handle.db, 'v1', '2026-03-01', '2026-03-11');
    expect(figures).toMatchObject({
      legalLiterate: 1,
      villages: 1,
      villagesCovered: 1,
      hamlets: 3,
      hamletsCovered: 1,
      completions: 1,
      learners: 1,
      studyHours: 0.8,
    });
  });

  it('counts a disabled 法律明白人 again once re-enabled, and answers nothing for an unknown unit', async () => {
    await handle.db.updateTable('user').set({ banned: 0 }).where('id', '=', ids.literateH1bDisabled!).execute();
    const figures = await reportFigures(handle.db, 't1', '2026-03-01', '2026-04-01');
    expect(figures).toMatchObject({ legalLiterate: 3, hamletsCovered: 2 });
    expect(figures!.byVillage[0]).toMatchObject({ legalLiterate: 2, hamletsCovered: 2 });
    await handle.db.updateTable('user').set({ banned: 1 }).where('id', '=', ids.literateH1bDisabled!).execute();
    expect(await reportFigures(handle.db, 'no-such-unit', '2026-03-01', '2026-04-01')).toBeUndefined();
  });
});
