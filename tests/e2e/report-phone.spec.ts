import { expect, type Page } from '@playwright/test';
import { signIn, test } from './helpers';

/**
 * The report, its drill-down and the 法律明白人 register on a 360-px phone in both languages: nothing wider than the
 * screen, every label translated (no message key shows, and on the English page no Chinese except names and data),
 * and last year's exam figures (the demo year's November exam) filled and drilling down to as many answer sheets.
 */
const CJK = /[\u3400-\u9fff\uff08\uff09\uff0c\u3001\u3002]/;
const KEY = /\b(report|activity|consult|common|nav)\.[A-Za-z]+/;

const L = {
  zh: {
    title: '年度法治建设报告',
    attempts: '答卷（份）',
    participants: '参考人数',
    passRate: '合格率',
    register: '法律明白人（人）',
    chart: '各月活动',
    examsHeading: '考试答卷',
    registerHeading: '法律明白人名册',
    rows: (n: number) => `共 ${n} 条`,
    yesNo: /^(是|否)$/,
    back: '返回报告',
  },
  en: {
    title: 'Annual rule-of-law report',
    attempts: 'Attempts',
    participants: 'Participants',
    passRate: 'Pass rate',
    register: 'Legal-literate villagers',
    chart: 'Activities by month',
    examsHeading: 'Exam attempts',
    registerHeading: 'Legal-literate register',
    rows: (n: number) => `${n} record${n === 1 ? '' : 's'}`,
    yesNo: /^(yes|no)$/,
    back: 'Back to the report',
  },
} as const;

async function expectFitsAndTranslated(page: Page, locale: 'zh' | 'en') {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'page wider than the phone').toBeLessThanOrEqual(360);
  const text = await page.locator('main').innerText();
  expect(text, 'a message key instead of its text').not.toMatch(KEY);
  if (locale === 'en') {
    // Labels, headings, column heads, buttons and the texts of form labels: English only (names and data are the
    // records' own and may be Chinese: unit names, titles, people).
    const labels = await page.evaluate(() => {
      const own = (el: Element) =>
        [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('');
      return [
        ...[...document.querySelectorAll('main h1, main h2, main dt, main th, main button, main [role="status"]')].map(
          (e) => (e as HTMLElement).innerText,
        ),
        ...[...document.querySelectorAll('main label')].map(own),
      ].filter((s) => s.trim());
    });
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.filter((s) => CJK.test(s))).toEqual([]);
  }
}

for (const locale of ['zh', 'en'] as const) {
  test(`the report, the exam answer sheets and the register fit a 360-px phone in ${locale}, every label in that language`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const l = L[locale];
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, '13800000001', locale);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() - 1;
    await page.goto(`/${locale}/report?from=${year}-01-01&to=${year}-12-31`);
    await expect(page.getByRole('heading', { name: l.title, level: 1 })).toBeVisible();

    const attempts = page.getByRole('link', { name: new RegExp(`^${escape(l.attempts)} \\d+$`) });
    await expect(attempts).toBeVisible();
    const sheets = Number(await attempts.textContent());
    const people = Number(await page.getByRole('link', { name: new RegExp(`^${escape(l.participants)} \\d+$`) }).textContent());
    expect(people).toBeGreaterThan(0);
    expect(sheets).toBeGreaterThanOrEqual(people);
    await expect(page.getByRole('link', { name: new RegExp(`^${escape(l.passRate)} \\d+(\\.\\d)?%$`) })).toBeVisible();
    await expect(page.getByRole('img', { name: l.chart })).toBeVisible();
    await expect(page.getByRole('img', { name: l.chart }).locator('svg')).toBeVisible();
    await expectFitsAndTranslated(page, locale);

    // Typing a date re-renders the page but not the charts: the chart's drawing is the very same node afterwards.
    const bars = page.getByRole('img', { name: l.chart }).locator('svg path').first();
    await bars.evaluate((el) => el.setAttribute('data-probe', 'kept'));
    await page.locator('input[name="from"]').fill(`${year}-02-01`);
    await expect(page.locator('input[name="from"]')).toHaveValue(`${year}-02-01`);
    await expect(page.getByRole('img', { name: l.chart }).locator('svg path[data-probe="kept"]')).toHaveCount(1);

    await attempts.click();
    await expect(page.getByRole('heading', { name: l.examsHeading, level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: l.rows(sheets) })).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(Math.min(sheets, 50) + 1);
    const passedColumn = await page.getByRole('row').nth(1).getByRole('cell').last().innerText();
    expect(passedColumn).toMatch(l.yesNo);
    await expectFitsAndTranslated(page, locale);

    await page.getByRole('link', { name: l.back }).click();
    await page.getByRole('link', { name: new RegExp(`^${escape(l.register)} \\d+$`) }).click();
    await expect(page.getByRole('heading', { name: l.registerHeading, level: 1 })).toBeVisible();
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await expectFitsAndTranslated(page, locale);
  });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
