import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedContent } from '@/server/content';
import type { DbHandle } from '@/server/db/client';
import { HttpError } from '@/server/http';
import { importLaws } from '@/server/laws/import';
import { getLaw, listLaws } from '@/server/laws/library';
import { lawCitations, retireLaw } from '@/server/laws/retire';
import { loadShippedQuestions } from '@/server/quiz/bank';
import { createOrgUnit } from '@/server/org';
import { pullChanges } from '@/server/sync/pull';
import { createUser } from '@/server/users';
import { freshTestDb, testDbKinds, type TestDb } from '../../support/test-db';
import { tinyLaw } from '../../support/tiny-law';

/**
 * Retiring a law imported by mistake, on SQLite and PostgreSQL: the citations come first, then the law leaves the
 * library and the next pull tells phones to drop it; its rows stay for history, and a later import brings it back.
 */
describe.each(testDbKinds)('retiring a law on %s', (kind) => {
  let test: TestDb;
  let handle: DbHandle;
  let userId: string;
  const NO_INDEX = { categoryIndexFile: '/nonexistent/index.sqlite3' };
  const constitution = () => ({
    name: 'xianfa.md',
    bytes: new TextEncoder().encode(
      tinyLaw({ title: '中华人民共和国宪法', date: '2018-03-11', articles: ['第一条正文。', '第二条正文。'] }),
    ),
  });

  beforeAll(async () => {
    test = await freshTestDb(kind);
    handle = test.handle;
    await loadShippedContent(handle, path.resolve('content'));
    await loadShippedQuestions(handle, path.resolve('content'));
    await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
    const user = {
      password: 'Pufa-demo-2026',
      role: 'villager',
      orgUnitId: 'org-town',
      legalLiterate: false,
      legalLiterateSince: null,
    } as const;
    userId = (await createUser(handle.db, { ...user, phone: '13900004001', name: '马文华' })).id;
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('lists the lessons and questions citing the law, retires every version, and tells phones on their next pull', async () => {
    await importLaws(handle, [constitution()], NO_INDEX);
    const [law] = (await listLaws(handle)).filter((l) => l.shortTitle === '宪法');
    const cursor = Number((await handle.db.selectFrom('changeCounter').select('value').executeTakeFirstOrThrow()).value);

    const { citations } = await lawCitations(handle.db, law!.id);
    expect(citations.some((c) => c.source === 'lesson' && c.article > 0)).toBe(true);
    expect(citations.some((c) => c.source === 'question' && /^xianfa-\d{3}$/.test(c.id))).toBe(true);

    const retired = await retireLaw(handle, law!.id, 'admin-id');
    expect(retired).toMatchObject({ shortTitle: '宪法', versions: 1, citations });
    expect((await listLaws(handle)).map((l) => l.shortTitle)).not.toContain('宪法');
    expect(await getLaw(handle, law!.id)).toBeNull();
    expect((await pullChanges(handle, { id: userId, role: 'villager' }, cursor)).retiredLaws).toEqual(['宪法']);
    // history stays: the row and its articles are kept, marked retired
    const row = await handle.db.selectFrom('law').select(['retiredAt', 'retiredBy']).where('id', '=', law!.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ retiredAt: retired.retiredAt, retiredBy: 'admin-id' });
    expect(await handle.db.selectFrom('lawArticle').select('number').where('lawId', '=', law!.id).execute()).toHaveLength(2);

    const again = await retireLaw(handle, law!.id, 'admin-id').catch((e: unknown) => e);
    expect(again).toBeInstanceOf(HttpError);
    expect(again).toMatchObject({ status: 409 });
  });

  it('brings a retired law back as a new version when it is imported again, and phones stop dropping it', async () => {
    const cursor = Number((await handle.db.selectFrom('changeCounter').select('value').executeTakeFirstOrThrow()).value);
    const result = await importLaws(handle, [constitution()], NO_INDEX);
    expect(result.laws[0]).toMatchObject({ shortTitle: '宪法', status: 'imported', version: 2 });
    expect((await listLaws(handle)).filter((l) => l.shortTitle === '宪法')).toHaveLength(1);
    expect((await pullChanges(handle, { id: userId, role: 'villager' }, cursor)).retiredLaws).toEqual([]);
  });

  it('answers 404 for a law that does not exist', async () => {
    expect(await lawCitations(handle.db, '00000000-0000-0000-0000-000000000000').catch((e: unknown) => e)).toMatchObject({ status: 404 });
  });
});
