import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PufaDB } from '@/lib/local/db';

/**
 * Articles and bookmarks moved to tables keyed by law + number + sub (version 4). A phone that held laws and
 * bookmarks under version 3 keeps them after the upgrade, as 第X条 (sub 0).
 */
describe('Dexie upgrade to article keys with sub', () => {
  const name = `upgrade-${Math.random().toString(36).slice(2)}`;
  afterEach(() => Dexie.delete(name));

  it('copies held articles and bookmarks into the new tables and drops the old ones', async () => {
    const old = new Dexie(name);
    old.version(3).stores({ articles: '[law+number], law', bookmarks: '[law+number], createdAt' });
    await old
      .table('articles')
      .put({ law: '民法典', number: 1042, label: '第一千零四十二条', headingPath: [], paragraphs: ['禁止重婚。'] });
    await old
      .table('bookmarks')
      .put({ law: '民法典', number: 1042, label: '第一千零四十二条', excerpt: '禁止重婚。', createdAt: '2026-11-01T00:00:00.000Z' });
    old.close();

    const db = new PufaDB(name);
    await db.open();
    expect(await db.lawArticles.get(['民法典', 1042, 0])).toMatchObject({ sub: 0, paragraphs: ['禁止重婚。'] });
    expect(await db.articleBookmarks.get(['民法典', 1042, 0])).toMatchObject({ sub: 0, excerpt: '禁止重婚。' });
    expect(db.tables.map((t) => t.name)).not.toContain('articles');
    expect(db.tables.map((t) => t.name)).not.toContain('bookmarks');
    db.close();
  });
});
