import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSetting, type PufaDB } from '@/lib/local/db';
import { toggleBookmark } from '@/lib/local/bookmarks';
import { chooseLaw, LAW_KEYS, syncOfflineLaws } from '@/lib/local/laws';
import type { LawDetail } from '@/lib/laws/types';
import { fakeFetch } from '../sync/fake-fetch';
import { freshDb } from './fresh-db';

/** The laws a phone keeps: downloaded into Dexie from the catalog, replaced by newer versions, removed when dropped. */
const detail = (shortTitle: string, id: string, numbers: number[]): LawDetail => ({
  id,
  shortTitle,
  title: `中华人民共和国${shortTitle}`,
  category: 'other',
  versionDate: null,
  version: 1,
  articleCount: numbers.length,
  textBytes: 100,
  importedAt: '',
  history: [],
  preamble: [],
  headings: [],
  articles: numbers.map((n) => ({
    law: shortTitle,
    number: n,
    sub: 0,
    label: `第${n}条`,
    headingPath: [],
    paragraphs: [`${shortTitle}${n}`],
  })),
});

let db: PufaDB;
let server: Map<string, LawDetail>;
const serve = () =>
  fakeFetch(({ url }) => {
    if (url === '/api/laws')
      return Response.json({ laws: [...server.values()].map(({ articles: _a, history: _h, preamble: _p, headings: _hd, ...s }) => s) });
    const law = [...server.values()].find((l) => url === `/api/laws/${l.id}`);
    return law ? Response.json({ law }) : Response.json({ error: 'no such law' }, { status: 404 });
  });

beforeEach(async () => {
  db = freshDb();
  server = new Map([
    ['民法典', detail('民法典', 'm1', [1041, 1042])],
    ['禁毒法', detail('禁毒法', 'j1', [1, 2])],
  ]);
  await db.lessons.put({
    id: 'l1',
    slug: 'l1',
    moduleId: 'm',
    sortOrder: 1,
    title: '',
    titleEn: '',
    minutes: 5,
    body: '',
    cites: [{ law: '民法典', article: 1042 }],
  });
});
afterEach(async () => {
  await db.delete();
});

describe('syncOfflineLaws', () => {
  it('downloads the laws the lessons cite and nothing else', async () => {
    const { fetch, seen } = serve();
    await syncOfflineLaws({ db, fetchFn: fetch });
    expect(seen.map((r) => r.url)).toEqual(['/api/laws', '/api/laws/m1']);
    expect((await db.laws.toArray()).map((l) => l.shortTitle)).toEqual(['民法典']);
    expect((await db.lawArticles.get(['民法典', 1042, 0]))?.paragraphs).toEqual(['民法典1042']);
  });

  it('adds a chosen law, replaces a newer version, and removes a law turned off', async () => {
    await syncOfflineLaws({ db, fetchFn: serve().fetch });
    await chooseLaw('禁毒法', true, db);
    server.set('民法典', detail('民法典', 'm2', [1042]));
    await syncOfflineLaws({ db, fetchFn: serve().fetch, force: true });
    expect((await db.laws.toArray()).map((l) => [l.shortTitle, l.id])).toEqual([
      ['民法典', 'm2'],
      ['禁毒法', 'j1'],
    ]);
    expect(await db.lawArticles.get(['民法典', 1041, 0])).toBeUndefined();

    await chooseLaw('民法典', false, db);
    await syncOfflineLaws({ db, fetchFn: serve().fetch });
    expect(await db.lawArticles.where('law').equals('民法典').count()).toBe(0);
  });

  it('uses the cached catalog until it is due for a refresh', async () => {
    await setSetting(db, LAW_KEYS.catalog, []);
    await setSetting(db, LAW_KEYS.catalogAt, new Date().toISOString());
    const { fetch, seen } = serve();
    await syncOfflineLaws({ db, fetchFn: fetch });
    expect(seen).toEqual([]);
  });

  it('keeps a bookmark after its law is removed, and toggles it off', async () => {
    await syncOfflineLaws({ db, fetchFn: serve().fetch });
    const article = (await db.lawArticles.get(['民法典', 1042, 0]))!;
    expect(await toggleBookmark(article, db)).toBe(true);
    await chooseLaw('民法典', false, db);
    await syncOfflineLaws({ db, fetchFn: serve().fetch, force: true });
    expect(await db.articleBookmarks.get(['民法典', 1042, 0])).toMatchObject({ label: '第1042条', excerpt: '民法典1042' });
    expect(await toggleBookmark(article, db)).toBe(false);
    expect(await db.articleBookmarks.count()).toBe(0);
  });
});
