import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTION_COLUMNS, USER_COLUMNS } from '@/lib/admin/import-rows';
import { archiveModule, deleteLesson, deleteModule, getLessonForEdit, publishLesson, saveLesson, saveModule } from '@/server/admin/content';
import { exportQuestions, importQuestions, importUsers } from '@/server/admin/imports';
import { saveQuestion } from '@/server/admin/questions';
import { closeExamEarly, editExam, notTaken } from '@/server/admin/exams';
import { checkPhrases, publishEntry, removeEntry } from '@/server/admin/thesaurus';
import { applyOrgAction } from '@/server/admin/villages';
import { createExam } from '@/server/quiz/exams';
import { reportFigures } from '@/server/report';
import { loadShippedContent } from '@/server/content';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { createOrgUnit } from '@/server/org';
import { loadShippedQuestions } from '@/server/quiz/bank';
import { pullChanges } from '@/server/sync/pull';
import { createUser, listUsers } from '@/server/users';

/** Administration against a real SQLite: drafts stay off phones, publishing reaches them, imports are all or nothing. */
const CONTENT = path.resolve('content');
let dataDir: string;
let handle: DbHandle;
let userId: string;
const viewer = () => ({ id: userId, role: 'cadre' as const });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-admin-'));
  handle = openDatabase({ dataDir });
  await migrate(handle);
  await loadShippedContent(handle, CONTENT);
  await loadShippedQuestions(handle, CONTENT);
  await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
  await createOrgUnit(handle.db, { id: 'org-v1', parentId: 'org-town', name: '东山村', level: 'village' });
  await createOrgUnit(handle.db, { id: 'org-v2', parentId: 'org-town', name: '西川村', level: 'village' });
  await createOrgUnit(handle.db, { id: 'org-h1', parentId: 'org-v1', name: '上庄', level: 'hamlet' });
  userId = (
    await createUser(handle.db, {
      phone: '13900001301',
      name: '马玉兰',
      password: 'Pufa-demo-2026',
      role: 'cadre',
      orgUnitId: 'org-v1',
      legalLiterate: false,
      legalLiterateSince: null,
    })
  ).id;
  await handle.db
    .insertInto('law')
    .values({
      id: 'law-mfd',
      shortTitle: '民法典',
      title: '中华人民共和国民法典',
      category: '民法商法',
      versionDate: null,
      version: 1,
      history: '[]',
      preamble: '[]',
      headings: '[]',
      articleCount: 1,
      textBytes: 10,
      contentHash: 'x',
      sourceFiles: '[]',
      supersededAt: null,
      changeSeq: 0,
      importedAt: new Date().toISOString(),
      importedBy: null,
    })
    .execute();
  await handle.db
    .insertInto('lawArticle')
    .values({
      lawId: 'law-mfd',
      number: 1042,
      sub: 0,
      label: '第一千零四十二条',
      headingPath: '[]',
      paragraphs: '["禁止借婚姻索取财物。"]',
    })
    .execute();
});
afterAll(async () => {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const lesson = {
  moduleId: 'hunyin-jiating',
  title: '彩礼与借婚姻索取财物',
  titleEn: 'Bride price',
  minutes: 3,
  body: '## 要点\n\n> 禁止借婚姻索取财物。',
  cites: ['民法典:1042'],
};

describe('lesson authoring', () => {
  it('keeps a draft off phones and sends it on the next pull once published', async () => {
    const { cursor } = await pullChanges(handle, viewer(), 0);
    const { id } = await saveLesson(handle, null, lesson);
    expect((await pullChanges(handle, viewer(), cursor)).lessons).toEqual([]);
    await publishLesson(handle, id);
    const next = await pullChanges(handle, viewer(), cursor);
    expect(next.lessons.map((l) => l.title)).toEqual(['彩礼与借婚姻索取财物']);
    expect(next.lessons[0]!.cites).toEqual([{ law: '民法典', article: 1042 }]);
  });

  it('refuses a citation that is not in the law library', async () => {
    await expect(saveLesson(handle, null, { ...lesson, cites: ['民法典:9999'] })).rejects.toMatchObject({ status: 422 });
  });

  it('holds an edit of a published lesson until it is published, and db:setup never overwrites it', async () => {
    const shipped = await handle.db
      .selectFrom('lesson')
      .selectAll()
      .where('moduleId', '=', 'xianfa')
      .orderBy('sortOrder')
      .executeTakeFirstOrThrow();
    const { cursor } = await pullChanges(handle, viewer(), 0);
    const edit = { ...(await getLessonForEdit(handle.db, shipped.id)), title: '宪法是根本大法（修订）' };
    await saveLesson(handle, shipped.id, edit);
    expect((await pullChanges(handle, viewer(), cursor)).lessons).toEqual([]);
    await publishLesson(handle, shipped.id);
    await loadShippedContent(handle, CONTENT);
    const row = await handle.db.selectFrom('lesson').select(['title']).where('id', '=', shipped.id).executeTakeFirstOrThrow();
    expect(row.title).toBe('宪法是根本大法（修订）');
  });

  it('archives a lesson with learner progress instead of deleting it, and phones drop it', async () => {
    const target = await handle.db
      .selectFrom('lesson')
      .select(['id'])
      .where('moduleId', '=', 'xianfa')
      .orderBy('sortOrder', 'desc')
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto('lessonProgress')
      .values({ userId, lessonId: target.id, openedAt: '2026-01-01T00:00:00Z', completedAt: null, secondsSpent: 30, changeSeq: 0 })
      .execute();
    const { cursor } = await pullChanges(handle, viewer(), 0);
    expect(await deleteLesson(handle, target.id)).toEqual({ archived: true });
    expect((await pullChanges(handle, viewer(), cursor)).removed?.lessons).toEqual([target.id]);
    expect(
      await handle.db.selectFrom('lessonProgress').select('lessonId').where('lessonId', '=', target.id).executeTakeFirst(),
    ).toBeDefined();
    await loadShippedContent(handle, CONTENT);
    const row = await handle.db.selectFrom('lesson').select('status').where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('archived');
  });
});

describe('module archiving', () => {
  const draft = { theme: '测试', titleZh: '草稿专题', titleEn: 'Draft module', summaryZh: '草稿', summaryEn: 'Draft' };

  it('deletes a draft module nobody used', async () => {
    const { id } = await saveModule(handle, null, draft);
    expect(await deleteModule(handle, id)).toEqual({ archived: false });
    expect(await handle.db.selectFrom('module').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });

  it('archives a module learners studied instead of deleting it: phones drop it and its lessons, figures stay', async () => {
    const studied = await handle.db
      .selectFrom('module')
      .select('id')
      .where('status', '=', 'published')
      .where('id', 'not in', ['xianfa', 'hunyin-jiating'])
      .orderBy('sortOrder')
      .executeTakeFirstOrThrow();
    const lessons = await handle.db.selectFrom('lesson').select('id').where('moduleId', '=', studied.id).orderBy('id').execute();
    expect(lessons.length).toBeGreaterThan(0);
    await handle.db
      .insertInto('lessonProgress')
      .values({
        userId,
        lessonId: lessons[0]!.id,
        openedAt: '2026-03-01T02:00:00Z',
        completedAt: '2026-03-01T02:10:00Z',
        secondsSpent: 600,
        changeSeq: 0,
      })
      .execute();
    const figures = await reportFigures(handle.db, 'org-town', '2026-01-01', '2026-12-31');
    expect(figures?.completions).toBeGreaterThan(0);
    const { cursor } = await pullChanges(handle, viewer(), 0);

    expect(await deleteModule(handle, studied.id)).toEqual({ archived: true });
    const pulled = await pullChanges(handle, viewer(), cursor);
    expect(pulled.removed?.modules).toEqual([studied.id]);
    expect([...(pulled.removed?.lessons ?? [])].sort()).toEqual(lessons.map((l) => l.id));
    expect((await pullChanges(handle, viewer(), 0)).modules.map((m) => m.id)).not.toContain(studied.id);
    expect(await reportFigures(handle.db, 'org-town', '2026-01-01', '2026-12-31')).toEqual(figures);
    expect(
      await handle.db.selectFrom('lessonProgress').select('lessonId').where('lessonId', '=', lessons[0]!.id).executeTakeFirst(),
    ).toBeDefined();

    await expect(saveLesson(handle, null, { ...lesson, moduleId: studied.id, cites: [] })).rejects.toMatchObject({
      status: 409,
      code: 'MODULE_ARCHIVED',
    });
    await archiveModule(handle, studied.id);
    await loadShippedContent(handle, CONTENT);
    const row = await handle.db.selectFrom('module').select('status').where('id', '=', studied.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('archived');
    expect((await pullChanges(handle, viewer(), 0)).modules.map((m) => m.id)).not.toContain(studied.id);
  });
});

describe('single-question authoring', () => {
  const judge = {
    moduleId: 'hunyin-jiating',
    type: 'truefalse' as const,
    stem: '男方家可以借婚姻向女方索取财物。',
    options: [],
    answer: false,
    explanation: '民法典第一千零四十二条禁止借婚姻索取财物。',
    basis: ['民法典:1042'],
    tags: ['婚姻家庭'],
    difficulty: 2,
    pool: 'practice' as const,
    status: 'draft' as const,
  };
  const practiceIds = async (cursor: number) => (await pullChanges(handle, viewer(), cursor)).questions?.map((q) => q.id) ?? [];

  it('keeps a draft of each type off phones, sends it once published, updates it, and takes it back off as a draft', async () => {
    const { cursor } = await pullChanges(handle, viewer(), 0);
    const shapes = [
      { ...judge },
      { ...judge, type: 'single' as const, stem: '借婚姻索取财物，法律怎么规定？', options: ['禁止', '允许', '看村规'], answer: [0] },
      {
        ...judge,
        type: 'multiple' as const,
        stem: '下列哪些做法违反婚姻自由？',
        options: ['包办婚姻', '买卖婚姻', '自主结婚'],
        answer: [0, 1],
      },
    ];
    const drafts: { id: string; type: string }[] = [];
    for (const shape of shapes) drafts.push(await saveQuestion(handle, null, shape));
    expect(drafts.map((d) => d.type)).toEqual(['truefalse', 'single', 'multiple']);
    expect(await practiceIds(cursor)).toEqual([]);

    for (const [i, d] of drafts.entries()) await saveQuestion(handle, d.id, { ...shapes[i]!, status: 'published' });
    const published = await pullChanges(handle, viewer(), cursor);
    expect(published.questions?.map((q) => q.id).sort()).toEqual(drafts.map((d) => d.id).sort());
    const multiple = published.questions?.find((q) => q.id === drafts[2]!.id);
    expect(multiple).toMatchObject({ type: 'multiple', answer: [0, 1], basis: [{ law: '民法典', article: 1042 }] });

    const next = published.cursor;
    await saveQuestion(handle, drafts[1]!.id, {
      ...shapes[1]!,
      explanation: '民法典第一千零四十二条：禁止借婚姻索取财物。',
      status: 'published',
    });
    const edited = await pullChanges(handle, viewer(), next);
    expect(edited.questions?.map((q) => q.explanation)).toEqual(['民法典第一千零四十二条：禁止借婚姻索取财物。']);

    await saveQuestion(handle, drafts[0]!.id, { ...shapes[0]!, status: 'draft' });
    const withdrawn = await pullChanges(handle, viewer(), edited.cursor);
    expect(withdrawn.removed?.questions).toEqual([drafts[0]!.id]);
  });

  it('refuses a basis not in the law library, an archived module, and turning a published practice question into an exam one', async () => {
    await expect(saveQuestion(handle, null, { ...judge, basis: ['民法典:9999'] })).rejects.toMatchObject({
      status: 422,
      fields: { basis: expect.any(String) },
    });
    const live = await saveQuestion(handle, null, { ...judge, status: 'published' });
    await expect(saveQuestion(handle, live.id, { ...judge, pool: 'exam', status: 'published' })).rejects.toMatchObject({
      status: 409,
      code: 'QUESTION_POOL_LOCKED',
    });
    const archived = await handle.db.selectFrom('module').select('id').where('status', '=', 'archived').executeTakeFirstOrThrow();
    await expect(saveQuestion(handle, null, { ...judge, moduleId: archived.id })).rejects.toMatchObject({
      status: 409,
      code: 'MODULE_ARCHIVED',
    });
  });
});

describe('question bank import', () => {
  const good = [
    'hunyin-jiating',
    '单选',
    '借婚姻索取财物是否被禁止？',
    '禁止',
    '允许',
    '看村规',
    '',
    '',
    'A',
    '民法典第一千零四十二条禁止借婚姻索取财物。',
    '民法典:1042',
    '婚姻家庭',
    '1',
    '练习',
  ];
  it('imports nothing from a file with bad rows and says what is wrong with each', async () => {
    const tag = (await exportQuestions(handle.db))[1]![11]!.toString().split(';')[0]!;
    const ok = good.map((c, i) => (i === 11 ? tag : c));
    const before = await handle.db.selectFrom('question').select('id').execute();
    const result = await importQuestions(
      handle,
      [[...QUESTION_COLUMNS], ok, ok.map((c, i) => (i === 8 ? '' : c)), ok.map((c, i) => (i === 8 ? 'E' : i === 11 ? '没有这个标签' : c))],
      true,
    );
    expect(result.imported).toBe(0);
    expect(result.rows.map((r) => r.errors)[0]).toEqual([]);
    expect(result.rows.map((r) => r.errors.length > 0)).toEqual([false, true, true]);
    expect(result.rows[1]!.errors).toEqual([{ code: 'IMPORT_NO_ANSWER' }]);
    expect(result.rows[2]!.errors.map((e) => e.code)).toEqual(['IMPORT_ANSWER_NOT_OPTION', 'IMPORT_UNKNOWN_TAG']);
    expect((await handle.db.selectFrom('question').select('id').execute()).length).toBe(before.length);
    const fixed = await importQuestions(handle, [[...QUESTION_COLUMNS], ok, ok], true);
    expect(fixed.imported).toBe(2);
  });
});

describe('people and villages', () => {
  it('checks each import row with the create-user form’s rules and names the column', async () => {
    const rows = [
      [...USER_COLUMNS],
      ['马一', '1391111', '村民', '上庄', '', ''],
      ['马二', '13911110011', '镇村干部', '西川村', '是', '2025-03-01'],
      ['马三', '13911110012', '村民', '上庄', '是', ''],
      ['马'.repeat(41), '13911110013', '村民', '上庄', '', ''],
      ['', '13911110014', '村民', '上庄', '', ''],
    ];
    const { rows: checked, bad } = await importUsers(handle, rows, false, undefined);
    expect(bad).toBe(5);
    expect(checked.map((r) => r.errors)).toEqual([
      [{ code: 'IMPORT_PHONE_FORMAT', params: { phone: '1391111' } }],
      [{ code: 'IMPORT_LEGAL_LITERATE_VILLAGER' }],
      [{ code: 'IMPORT_NO_SINCE' }],
      [{ code: 'IMPORT_NAME_LONG' }],
      [{ code: 'IMPORT_NO_NAME' }],
    ]);
    // The form's own accounts (马玉兰, made in beforeAll) keep the password their admin typed in front of them.
    expect((await listUsers(handle.db, { page: 1, q: '13900001301' })).users[0]).toMatchObject({ mustChangePassword: false });
  });

  it('imports people with a village and finds them by phone and by village', async () => {
    const rows = [
      [...USER_COLUMNS],
      ['李梅', '13911110001', '村民', '上庄', '是', '2025-03-01'],
      ['王强', '13911110002', '镇村干部', '西川村', '', ''],
    ];
    const preview = await importUsers(handle, rows, false, undefined);
    expect(preview).toMatchObject({ ok: 2, bad: 0, imported: 0 });
    expect((await importUsers(handle, rows, true, 'Cun-Min-2026x')).imported).toBe(2);
    expect((await listUsers(handle.db, { page: 1, q: '13911110001' })).users[0]).toMatchObject({ mustChangePassword: true });
    expect((await importUsers(handle, rows, false, undefined)).rows[0]!.errors.map((e) => e.code)).toContain('IMPORT_PHONE_TAKEN');
    expect((await listUsers(handle.db, { page: 1, q: '13911110002' })).users.map((u) => u.name)).toEqual(['王强']);
    expect((await listUsers(handle.db, { page: 1, orgUnitId: 'org-v1' })).users.map((u) => u.name).sort()).toEqual(['李梅', '马玉兰']);
  });

  it('moves a natural village with its path and keeps a retired one in the records', async () => {
    await applyOrgAction(handle, { action: 'move', id: 'org-h1', parentId: 'org-v2' });
    const moved = await handle.db.selectFrom('orgUnit').select(['path', 'parentId']).where('id', '=', 'org-h1').executeTakeFirstOrThrow();
    expect(moved).toEqual({ path: '/org-town/org-v2/org-h1/', parentId: 'org-v2' });
    await applyOrgAction(handle, { action: 'retire', id: 'org-h1' });
    const retired = await handle.db.selectFrom('orgUnit').select('retiredAt').where('id', '=', 'org-h1').executeTakeFirstOrThrow();
    expect(retired.retiredAt).not.toBeNull();
    expect((await listUsers(handle.db, { page: 1, orgUnitId: 'org-h1' })).users.map((u) => u.name)).toEqual(['李梅']);
  });
});

describe('exam management', () => {
  it('edits freely before opening, then only the window and audience; closes early; lists who has not taken it', async () => {
    const pool = await handle.db.selectFrom('question').select('id').where('pool', '=', 'exam').limit(3).execute();
    const day = 24 * 3600 * 1000;
    const exam = await createExam(
      handle,
      {
        title: '年度学法考试',
        description: '',
        roles: ['cadre'],
        orgUnitIds: ['org-town'],
        opensAt: new Date(Date.now() + day).toISOString(),
        closesAt: new Date(Date.now() + 3 * day).toISOString(),
        timeLimitMinutes: 30,
        passMark: 60,
        maxAttempts: 1,
        countingRule: 'highest',
        review: 'mine',
        showRanking: false,
        paper: { mode: 'fixed', questionIds: pool.map((q) => q.id) },
      },
      userId,
    );
    expect((await editExam(handle, exam.id, { title: '2026 年度学法考试' })).title).toBe('2026 年度学法考试');
    const opened = new Date(Date.now() + 2 * day);
    await expect(editExam(handle, exam.id, { timeLimitMinutes: 60 }, opened)).rejects.toMatchObject({ status: 409 });
    const later = new Date(Date.now() + 5 * day).toISOString();
    expect((await editExam(handle, exam.id, { closesAt: later }, opened)).closesAt).toBe(later);
    expect((await notTaken(handle.db, exam.id)).map((p) => p.name)).toEqual(['马玉兰', '王强']);
    const closed = await closeExamEarly(handle, exam.id, opened);
    expect(closed.closesAt).toBe(opened.toISOString());
    await expect(closeExamEarly(handle, exam.id, new Date(Date.now() + 4 * day))).rejects.toMatchObject({ status: 409 });
  });
});

describe('everyday words', () => {
  it('shows which articles a phrase finds, publishes to phones, and db:setup keeps the admin’s entry', async () => {
    const [found] = await checkPhrases(handle.db, ['借婚姻索取财物']);
    expect(found!.articles.map((a) => a.ref)).toEqual(['民法典:1042']);
    const { cursor } = await pullChanges(handle, viewer(), 0);
    await publishEntry(handle, { word: '彩礼', phrases: ['借婚姻索取财物'], theme: '婚姻家庭' });
    await publishEntry(handle, { word: '要彩礼', phrases: ['借婚姻索取财物'], theme: '婚姻家庭' });
    const pulled = await pullChanges(handle, viewer(), cursor);
    expect(pulled.thesaurus?.map((e) => e.word).sort()).toEqual(['彩礼', '要彩礼']);
    await removeEntry(handle, '彩礼');
    await loadShippedContent(handle, CONTENT);
    const rows = await handle.db
      .selectFrom('thesaurusEntry')
      .select(['word', 'removed'])
      .where('word', 'in', ['彩礼', '要彩礼'])
      .orderBy('word')
      .execute();
    expect(rows.map((r) => [r.word, Boolean(r.removed)])).toEqual([
      ['彩礼', true],
      ['要彩礼', false],
    ]);
  });
});
