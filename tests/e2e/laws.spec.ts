import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { tinyLaw } from '../support/tiny-law';
import { serverDb, signIn, waitForOfflineReady } from './helpers';

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
