import { expect } from '@playwright/test';
import { signIn, test } from './helpers';

/** The admin reads last year's report, drills into the publicity events and takes both files away. */
test('the admin opens the report, follows the publicity figure to as many rows, and exports Word and Excel', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, '13800000001');
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() - 1;
  await page.goto(`/zh/report?from=${year}-01-01&to=${year}-12-31`);
  await expect(page.getByRole('heading', { name: '年度法治建设报告' })).toBeVisible();
  const figure = page.getByRole('link', { name: /^专题法治宣传活动 \d+$/ });
  await expect(figure).toBeVisible();
  const count = Number((await figure.textContent())?.trim());
  expect(count).toBeGreaterThan(0);
  await expect(page.getByRole('img', { name: '各月活动' })).toBeVisible();

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Word' }).click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

  await figure.click();
  await expect(page.getByRole('heading', { name: /活动记录 · 专题法治宣传活动/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `共 ${count} 条` })).toBeVisible();
  const rows = page.getByRole('row');
  await expect(rows).toHaveCount(Math.min(count, 50) + 1);
});
