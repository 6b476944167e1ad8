import { expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { tinyLaw } from '../support/tiny-law';
import { serverDb, signIn, waitForOfflineReady, test } from './helpers';

const SHARED_LAWS = existsSync('../shared/laws');
const LESSON = '/zh/study/lesson?id=hunyin-jiating-marriage-freedom';
const ARTICLE = '《民法典》第一千零四十二条';

async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('an administrator imports a small law through the upload page and sees it imported', async ({ page }) => {
  await signIn(page, '13800000001');
  await page.goto('/zh/admin');
  await page.getByRole('navigation', { name: '管理栏目' }).getByRole('link', { name: '法规' }).click();
  await page.getByLabel('选择文件').setInputFiles({
    name: 'xiangcun-ceshi-fa.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      tinyLaw({
        title: '中华人民共和国乡村测试法',
        date: '2024-03-01',
        articles: ['为了测试乡村治理，制定本法。', '村民委员会应当公开村务。', '本法自公布之日起施行。'],
      }),
    ),
  });
  await expect(page.getByText('✓ 《乡村测试法》3 条')).toBeVisible();
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page.getByRole('heading', { name: '已处理 1 部法规' })).toBeVisible();
  await expect(page.getByText('新导入').first()).toBeVisible();
  await fitsThePhone(page);

  const db = serverDb();
  try {
    const row = db.prepare('select articleCount, supersededAt from law where shortTitle = ?').get('乡村测试法') as {
      articleCount: number;
      supersededAt: string | null;
    };
    expect(row).toEqual({ articleCount: 3, supersededAt: null });
  } finally {
    db.close();
  }
});

test('an administrator retires a law imported by mistake after seeing what cites it, and it leaves the list', async ({ page }) => {
  await signIn(page, '13800000001');
  await page.goto('/zh/admin/laws');
  await page.getByLabel('选择文件').setInputFiles({
    name: 'wu-daoru-ceshi-fa.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(tinyLaw({ title: '中华人民共和国误导入测试法', date: '2024-05-01', articles: ['为了测试，制定本法。'] })),
  });
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page.getByRole('heading', { name: '已处理 1 部法规' })).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: '中华人民共和国误导入测试法' });
  await row.getByRole('button', { name: '停用' }).click();
  const confirm = page.getByRole('region', { name: '停用《中华人民共和国误导入测试法》？' });
  await expect(confirm.getByText('没有课程或题目引用这部法规。')).toBeVisible();
  await fitsThePhone(page);
  await confirm.getByRole('button', { name: '确认停用' }).click();
  await expect(row).toHaveCount(0);

  const db = serverDb();
  try {
    const rows = db.prepare('select retiredAt from law where shortTitle = ?').all('误导入测试法') as { retiredAt: string | null }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.retiredAt).not.toBeNull();
  } finally {
    db.close();
  }
});

test('a villager searches the law offline, opens an article from a lesson citation, bookmarks it, and finds the bookmark after an offline reload', async ({
  page,
  context,
}) => {
  test.skip(!SHARED_LAWS, '../shared/laws is absent, so the demo has no official texts for the lessons to cite');
  const warnings: string[] = [];
  page.on('console', (message) => warnings.push(message.text()));
  await signIn(page, '13800000004');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学习' }).click();
  await page.getByRole('link', { name: /法规库/ }).click();
  await expect(page.getByRole('link', { name: /^民法典.*已存手机/ })).toBeVisible({ timeout: 60_000 });
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveText('离线');
  await page.getByRole('searchbox', { name: '搜索法条' }).fill('借婚姻索取财物');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  const results = page.getByRole('region', { name: '搜索结果' });
  await expect(results.getByRole('link').first()).toBeVisible({ timeout: 30_000 });
  const top3 = await results.getByRole('link').evaluateAll((links) => links.slice(0, 3).map((l) => l.textContent ?? ''));
  expect(top3.some((text) => text.includes(ARTICLE))).toBe(true);
  expect(warnings.filter((w) => w.includes('Web Worker is unavailable'))).toEqual([]);

  await page.goto(LESSON);
  await page.getByRole('region', { name: '本课涉及的法条' }).getByRole('link', { name: ARTICLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: ARTICLE })).toBeVisible();
  await expect(page.getByText('禁止借婚姻索取财物')).toBeVisible();
  await page.getByRole('button', { name: '☆ 收藏' }).click();
  await expect(page.getByRole('button', { name: '★ 已收藏' })).toHaveAttribute('aria-pressed', 'true');
  await fitsThePhone(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: ARTICLE })).toBeVisible();
  await expect(page.getByRole('button', { name: '★ 已收藏' })).toBeVisible();
  await page.goto('/zh/laws/bookmarks');
  await expect(page.getByRole('link', { name: ARTICLE })).toBeVisible();
});

test('a villager asks the law search a whole question in everyday words offline and opens the article it finds', async ({
  page,
  context,
}) => {
  test.skip(!SHARED_LAWS, '../shared/laws is absent, so the demo has no official texts to search');
  await signIn(page, '13800000004');
  await page.goto('/zh/laws');
  await expect(page.getByRole('link', { name: /^民法典.*已存手机/ })).toBeVisible({ timeout: 60_000 });
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveText('离线');
  // 彩礼 is nowhere in the statute: the thesaurus pulled to the phone maps it to 借婚姻索取财物
  await page.getByRole('searchbox', { name: '搜索法条' }).fill('彩礼给了能要回来吗？');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  const results = page.getByRole('region', { name: '搜索结果' });
  await expect(results.getByRole('link').first()).toBeVisible({ timeout: 30_000 });
  await expect(results.getByRole('link').first()).toContainText(ARTICLE);
  await expect(results.getByText('没有条文正好包含这些字词')).toBeHidden();
  await fitsThePhone(page);

  // the index was kept on the phone: after a reload it is loaded, not rebuilt, and search still works offline
  const kept = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('pufa');
        open.onerror = () => reject(new Error('cannot open IndexedDB'));
        open.onsuccess = () => {
          const count = open.result.transaction('searchIndex').objectStore('searchIndex').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(kept).toBe(1);
  await page.reload();
  await expect(results.getByRole('link').first()).toContainText(ARTICLE, { timeout: 30_000 });

  await results.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: ARTICLE })).toBeVisible();
  await expect(page.getByText('禁止借婚姻索取财物')).toBeVisible();
});

test('the law library reads in English on a 360-px phone', async ({ page }) => {
  test.skip(!SHARED_LAWS, '../shared/laws is absent');
  await signIn(page, '13800000004', 'en');
  await page.goto('/en/laws');
  await expect(page.getByRole('heading', { level: 1, name: 'Law library' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Civil Code' })).toBeVisible({ timeout: 60_000 });
  await fitsThePhone(page);
  await page.goto(`/en/laws/article?law=${encodeURIComponent('民法典')}&n=1042`);
  await expect(page.getByRole('heading', { level: 1, name: ARTICLE })).toBeVisible();
  await expect(page.getByRole('button', { name: '☆ Bookmark' })).toBeVisible();
  await fitsThePhone(page);
});
