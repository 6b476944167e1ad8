import { expect, type Page } from '@playwright/test';
import { signIn, test } from './helpers';

/**
 * The 法律明白人 register on the report page: an admin retires a person after confirming (past records and last
 * year's figures stay), certifies them again, and certifies a villager found by phone.
 */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const thisYear = () => today().slice(0, 4);

async function figure(page: Page, label: string): Promise<number> {
  const link = page.getByRole('link', { name: new RegExp(`^${label.replace(/[()（）]/g, '.')} \\d+$`) });
  await expect(link).toBeVisible();
  return Number(await link.textContent());
}

/** Waits for a figure of the report page to read `value`. */
async function expectFigure(page: Page, label: string, value: number) {
  await expect(page.getByRole('link', { name: `${label} ${value}`, exact: true })).toBeVisible();
}

async function openReport(page: Page, year: string) {
  await page.goto(`/zh/report?from=${year}-01-01&to=${year}-12-31`);
  await expect(page.getByRole('heading', { name: '年度法治建设报告', level: 1 })).toBeVisible();
}

test('an admin retires a 法律明白人 from the register after confirming, keeps their past, and certifies them again', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, '13800000001');
  const year = thisYear();
  const lastYear = String(Number(year) - 1);
  await openReport(page, year);
  const serving = await figure(page, '法律明白人（人）');
  const retired = await figure(page, '期内退出（人）');
  await page.getByRole('link', { name: `法律明白人（人） ${serving}` }).click();
  await expect(page.getByRole('heading', { name: '法律明白人名册', level: 1 })).toBeVisible();
  const listed = page.getByRole('status').filter({ hasText: /^共 \d+ 条$/ });
  await expect(listed).toBeVisible();
  const before = await listed.textContent();

  const name = '张秀英'; // the demo's 法律明白人 login, certified in 2024
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

  // Cancelling changes nothing.
  await row.getByRole('button', { name: `让 ${name} 退出名册` }).click();
  const confirm = page.getByRole('alertdialog', { name: `确定让 ${name} 退出法律明白人名册？` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByLabel('最后在任日期')).toHaveValue(today());
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByRole('button', { name: `让 ${name} 退出名册` })).toBeVisible();

  await row.getByRole('button', { name: `让 ${name} 退出名册` }).click();
  await confirm.getByRole('button', { name: '确定退出' }).click();
  await expect(row.getByRole('button', { name: `重新认定 ${name}` })).toBeVisible();
  await expect(row).toContainText(today()); // the retirement date, next to the certification date kept
  await expect(listed).toHaveText(before!); // still listed: retired in the period

  await page.getByRole('link', { name: '返回报告' }).click();
  await expectFigure(page, '法律明白人（人）', serving - 1);
  await expectFigure(page, '期内退出（人）', retired + 1);

  // Last year is as it was: the person served then, with their records.
  await openReport(page, lastYear);
  await page.getByRole('link', { name: /^法律明白人（人） \d+$/ }).click();
  const pastRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  await expect(pastRow).toBeVisible();
  await expect(pastRow).not.toContainText(today());
  await expect(pastRow.getByRole('cell', { name: '是', exact: true })).toBeVisible();

  // Certified again: serving once more, counted again.
  await page.goto(`/zh/report?from=${year}-01-01&to=${year}-12-31&figure=legalLiterate`);
  await row.getByRole('button', { name: `重新认定 ${name}` }).click();
  await expect(row.getByRole('button', { name: `让 ${name} 退出名册` })).toBeVisible();
  await page.getByRole('link', { name: '返回报告' }).click();
  await expectFigure(page, '法律明白人（人）', serving);
  await expectFigure(page, '期内退出（人）', retired);
});

test('an admin certifies a villager found by phone, who then counts in the register', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, '13800000001');
  const year = thisYear();
  await openReport(page, year);
  const serving = await figure(page, '法律明白人（人）');
  await page.getByRole('link', { name: `法律明白人（人） ${serving}` }).click();

  const form = page.getByRole('region', { name: '认定法律明白人' });
  await form.getByLabel('村民姓名或手机号').fill('13900002201'); // a villager of the demo's second village, not certified
  await expect(form.getByLabel('认定日期')).toHaveValue(today());
  await form.getByRole('button', { name: '查找' }).click();
  const certify = form.getByRole('button', { name: /^认定 .+ 为法律明白人$/ });
  await expect(certify).toHaveCount(1);
  const name = (await certify.getAttribute('aria-label'))!.replace(/^认定 (.+) 为法律明白人$/, '$1');
  await certify.click();
  await expect(form.getByRole('status')).toHaveText(`已认定 ${name} 为法律明白人`);
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  await expect(row.getByRole('button', { name: `让 ${name} 退出名册` })).toBeVisible();
  await expect(row).toContainText(today());

  await page.getByRole('link', { name: '返回报告' }).click();
  await expectFigure(page, '法律明白人（人）', serving + 1);
  expect(await figure(page, '期内新认定（人）')).toBeGreaterThanOrEqual(1);
});
