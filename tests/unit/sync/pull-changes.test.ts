import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSetting, setSetting, type PufaDB } from '@/lib/local/db';
import { LAW_KEYS, storeLaw } from '@/lib/local/laws';
import type { LessonRecord, ModuleRecord, ProgressRecord, PullResponse, StudyTaskRecord } from '@/lib/study/types';
import { mergeProgress, pullChanges } from '@/lib/sync/pull-changes';
import { SyncHttpError } from '@/lib/sync/push-outbox';
import { freshDb } from '../local/fresh-db';
import { fakeFetch } from './fake-fetch';

const T1 = '2026-03-02T01:00:00.000Z';
const T2 = '2026-03-03T01:00:00.000Z';
const T3 = '2026-03-04T01:00:00.000Z';

const progress = (openedAt: string | null, completedAt: string | null, secondsSpent: number): ProgressRecord => ({
  lessonId: 'l1',
  openedAt,
  completedAt,
  secondsSpent,
});

describe('mergeProgress', () => {
  it.each([
    {
      name: 'takes the server row when the phone has none',
      local: undefined,
      server: progress(T2, T3, 90),
      expected: progress(T2, T3, 90),
    },
    {
      name: 'keeps the earlier open from the phone',
      local: progress(T1, null, 0),
      server: progress(T2, null, 0),
      expected: progress(T1, null, 0),
    },
    {
      name: 'keeps the earlier open from the server',
      local: progress(T3, null, 0),
      server: progress(T2, null, 0),
      expected: progress(T2, null, 0),
    },
    {
      name: 'keeps a completion only the phone knows',
      local: progress(T1, T2, 0),
      server: progress(T1, null, 0),
      expected: progress(T1, T2, 0),
    },
    {
      name: 'takes a completion only the server knows',
      local: progress(T1, null, 0),
      server: progress(T1, T3, 0),
      expected: progress(T1, T3, 0),
    },
    {
      name: 'keeps the earlier of two completions',
      local: progress(T1, T3, 0),
      server: progress(T1, T2, 0),
      expected: progress(T1, T2, 0),
    },
    {
      name: 'leaves unknown times empty',
      local: progress(null, null, 0),
      server: progress(null, null, 0),
      expected: progress(null, null, 0),
    },
    {
      name: 'keeps the longer reading time from the phone',
      local: progress(T1, null, 300),
      server: progress(T1, null, 120),
      expected: progress(T1, null, 300),
    },
    {
      name: 'takes the longer reading time from the server',
      local: progress(T1, null, 60),
      server: progress(T1, null, 240),
      expected: progress(T1, null, 240),
    },
  ])('$name', ({ local, server, expected }) => {
    expect(mergeProgress(local, server)).toEqual(expected);
  });
});

describe('pullChanges', () => {
  let db: PufaDB;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  const fraudModule: ModuleRecord = {
    id: 'fan-zhapian',
    slug: 'fan-zhapian',
    sortOrder: 7,
    theme: 'red',
    title: { zh: '反诈骗', en: 'Anti-fraud' },
    summary: { zh: '识别骗局', en: 'Spot scams' },
  };
  const lesson = (id: string): LessonRecord => ({
    id,
    slug: id,
    moduleId: fraudModule.id,
    sortOrder: 1,
    title: '标题',
    titleEn: 'Title',
    minutes: 5,
    body: '## 正文',
    cites: [{ law: '刑法', article: 266 }],
  });
  const task: StudyTaskRecord = {
    id: 't1',
    weekStart: '2026-03-02',
    lessonId: 'l1',
    moduleId: null,
    roles: ['villager'],
    orgUnitIds: ['org-town'],
    note: '本周学习',
  };
  const response = (over: Partial<PullResponse>): PullResponse => ({
    cursor: 0,
    modules: [],
    lessons: [],
    tasks: [],
    progress: [],
    ...over,
  });

  it('asks from cursor 0 on a new phone, stores everything and the new cursor', async () => {
    const { fetch, seen } = fakeFetch(() =>
      Response.json(
        response({
          cursor: 42,
          modules: [fraudModule],
          lessons: [lesson('l1'), lesson('l2')],
          tasks: [task],
          progress: [progress(T1, null, 30)],
        }),
      ),
    );

    expect(await pullChanges(db, fetch)).toBe(5);
    expect(seen.map((r) => r.url)).toEqual(['/api/sync/pull?cursor=0']);
    expect(await db.modules.toArray()).toEqual([fraudModule]);
    expect((await db.lessons.toArray()).map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(await db.tasks.get('t1')).toEqual(task);
    expect(await db.progress.get('l1')).toEqual(progress(T1, null, 30));
    expect(await getSetting(db, 'cursor')).toBe(42);
    expect(await getSetting(db, 'lastSyncAt')).toEqual(expect.any(String));
  });

  it('keeps the thesaurus the server sends and drops the words it marks removed', async () => {
    await db.thesaurus.bulkPut([
      { word: '低保', phrases: ['低保'], theme: '社会救助' },
      { word: '旧词', phrases: ['旧'], theme: '宪法' },
    ]);
    const { fetch } = fakeFetch(() =>
      Response.json(
        response({
          cursor: 7,
          thesaurus: [
            { word: '低保', phrases: ['最低生活保障'], theme: '社会救助', removed: false },
            { word: '彩礼', phrases: ['借婚姻索取财物'], theme: '婚姻家庭', removed: false },
            { word: '旧词', phrases: ['旧'], theme: '宪法', removed: true },
          ],
        }),
      ),
    );
    expect(await pullChanges(db, fetch)).toBe(3);
    expect(await db.thesaurus.orderBy('word').toArray()).toEqual([
      { word: '低保', phrases: ['最低生活保障'], theme: '社会救助' },
      { word: '彩礼', phrases: ['借婚姻索取财物'], theme: '婚姻家庭' },
    ]);
  });

  it('asks from the stored cursor and replaces rows that changed', async () => {
    await setSetting(db, 'cursor', 42);
    await db.lessons.put({ ...lesson('l1'), title: '旧标题' });
    const { fetch, seen } = fakeFetch(() => Response.json(response({ cursor: 50, lessons: [lesson('l1')] })));

    await pullChanges(db, fetch);
    expect(seen.map((r) => r.url)).toEqual(['/api/sync/pull?cursor=42']);
    expect((await db.lessons.get('l1'))?.title).toBe('标题');
    expect(await getSetting(db, 'cursor')).toBe(50);
  });

  it('merges pulled progress with what the phone has not pushed yet', async () => {
    await db.progress.put(progress(T1, T2, 200));
    const { fetch } = fakeFetch(() => Response.json(response({ cursor: 3, progress: [progress(T2, null, 60)] })));

    await pullChanges(db, fetch);
    expect(await db.progress.get('l1')).toEqual(progress(T1, T2, 200));
  });

  it('throws SyncHttpError with the server message and stores nothing when the pull fails', async () => {
    await setSetting(db, 'cursor', 7);
    const { fetch } = fakeFetch(() => Response.json({ error: '请先登录 / please sign in' }, { status: 401 }));

    const error = await pullChanges(db, fetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncHttpError);
    expect(error).toMatchObject({ status: 401, message: '请先登录 / please sign in' });
    expect(await getSetting(db, 'cursor')).toBe(7);
    expect(await getSetting(db, 'lastSyncAt')).toBeUndefined();
  });

  it('deletes a law an admin retired, its articles and its place in the cached catalog, and keeps the others', async () => {
    const summary = (shortTitle: string, id: string) => ({
      id,
      shortTitle,
      title: `中华人民共和国${shortTitle}`,
      category: 'other' as const,
      versionDate: null,
      version: 1,
      articleCount: 1,
      textBytes: 10,
      importedAt: T1,
    });
    for (const [shortTitle, id] of [
      ['测试法', 'law-1'],
      ['刑法', 'law-2'],
    ] as const)
      await storeLaw(db, {
        ...summary(shortTitle, id),
        history: [],
        preamble: [],
        headings: [],
        articles: [{ law: shortTitle, number: 1, sub: 0, label: '第一条', headingPath: [], paragraphs: ['正文。'] }],
      });
    await setSetting(db, LAW_KEYS.catalog, [summary('测试法', 'law-1'), summary('刑法', 'law-2')]);
    const { fetch } = fakeFetch(() => Response.json(response({ cursor: 60, retiredLaws: ['测试法'] })));

    await pullChanges(db, fetch);
    expect((await db.laws.toArray()).map((l) => l.shortTitle)).toEqual(['刑法']);
    expect((await db.lawArticles.toArray()).map((a) => a.law)).toEqual(['刑法']);
    expect((await getSetting<{ shortTitle: string }[]>(db, LAW_KEYS.catalog))?.map((l) => l.shortTitle)).toEqual(['刑法']);
  });
});
