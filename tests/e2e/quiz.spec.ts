import { expect, type Locator, type Page } from '@playwright/test';
import { serverDb, signIn, waitForOfflineReady, test } from './helpers';

/** Quizzes and exams in Chromium on a 360-px phone: practice offline, an exam taken offline, its statistics. */
interface BankQuestion {
  type: 'single' | 'multiple' | 'truefalse';
  stem: string;
  options?: string[];
  answer: number[] | boolean;
}
/**
 * The question bank as the server holds it, read when a test needs it: other specs add questions (an admin writes
 * one and publishes it), and a daily set may draw those as well as the shipped ones.
 */
function serverBank(): Map<string, BankQuestion> {
  const db = serverDb();
  try {
    const rows = db.prepare(`select type, stem, options, answer from question where status = 'published'`).all() as {
      type: BankQuestion['type'];
      stem: string;
      options: string;
      answer: string;
    }[];
    return new Map(
      rows.map((r) => [
        r.stem,
        { type: r.type, stem: r.stem, options: JSON.parse(r.options) as string[], answer: JSON.parse(r.answer) as number[] | boolean },
      ]),
    );
  } finally {
    db.close();
  }
}

/** Picks the right answer, or a wrong one, using the server's key (the test knows it; the person would not). */
async function answer(page: Page | Locator, q: BankQuestion, right: boolean): Promise<void> {
  if (q.type === 'truefalse') {
    const value = right ? q.answer : !q.answer;
    return page.getByRole('radio', { name: value ? '正确' : '错误', exact: true }).check();
  }
  const key = q.answer as number[];
  const picks = right ? key : q.type === 'single' ? [q.options!.findIndex((_, i) => !key.includes(i))] : key.slice(0, 1);
  for (const i of picks)
    await page
      .getByRole(q.type === 'single' ? 'radio' : 'checkbox', { name: `${String.fromCharCode(65 + i)}. ${q.options![i]}`, exact: true })
      .check();
}

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

test.describe.configure({ mode: 'serial' });

test('a villager does the daily set offline, gets one wrong, and finds it in the wrong-answer book after a reload', async ({
  page,
  context,
}) => {
  await signIn(page, '13800000004');
  await waitForOfflineReady(page);
  await nav(page).getByRole('link', { name: '答题' }).click();
  await expect(page.getByRole('region', { name: '专题练习' }).getByRole('link').first()).toBeVisible({ timeout: 30_000 });

  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveText('离线');
  await page.getByRole('link', { name: /每日一练/ }).click();
  let wrongStem = '';
  const bank = serverBank();
  for (let i = 0; i < 5; i++) {
    await expect(page.getByText(`第 ${i + 1} / 5 题`)).toBeVisible();
    const stem = (await page.getByTestId('question-stem').textContent())!.trim();
    const q = bank.get(stem);
    expect(q, `question "${stem}" is in the server's bank`).toBeDefined();
    await answer(page, q!, i !== 0);
    if (i === 0) wrongStem = stem;
    await page.getByRole('button', { name: '提交答案' }).click();
    await expect(page.getByRole('status').filter({ hasText: i === 0 ? '回答错误' : '回答正确' })).toBeVisible();
    await expect(page.getByText('法律依据：')).toBeVisible();
    await page.getByRole('button', { name: i === 4 ? '完成' : '下一题' }).click();
  }
  await expect(page.getByRole('heading', { name: '今日练习完成：答对 4/5 题' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('项待同步');

  await page.reload();
  await expect(page.getByRole('heading', { name: '今日练习完成：答对 4/5 题' })).toBeVisible();
  await page.getByRole('link', { name: '去错题本复习' }).click();
  const book = page.getByRole('list', { name: '错题本' });
  await expect(book.getByRole('listitem')).toHaveCount(1);
  await expect(book).toContainText(wrongStem);

  await context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
  const db = serverDb();
  try {
    const user = db.prepare('select id from user where username = ?').get('13800000004') as { id: string };
    const rows = db.prepare("select correct from quizAnswer where userId = ? and mode = 'daily'").all(user.id) as { correct: number }[];
    expect(rows.map((r) => r.correct).sort()).toEqual([0, 1, 1, 1, 1]);
  } finally {
    db.close();
  }
});

test('a cadre takes a formal exam offline, then online sees the graded score', async ({ page, context }) => {
  await signIn(page, '13800000003');
  await waitForOfflineReady(page);
  await nav(page).getByRole('link', { name: '答题' }).click();
  await page
    .getByRole('region', { name: '考试' })
    .getByRole('link', { name: /年度镇村干部学法考试/ })
    .click();
  await expect(page.getByText(/离线规则/)).toBeVisible();
  await page.getByRole('button', { name: '下载试卷' }).click();
  await expect(page.getByText(/试卷已下载/)).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveText('离线');
  await page.getByRole('button', { name: /开始考试/ }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  const questions = page.getByRole('group');
  await expect(questions).toHaveCount(10);
  // Seven right and three wrong by the shipped key: the score must be 7 × 10 = 70, whatever the paper drew.
  const RIGHT = 7;
  const bank = serverBank();
  let n = 0;
  for (const q of await questions.all()) {
    const shipped = bank.get((await q.getByTestId('question-stem').textContent())!.trim());
    expect(shipped, "a question of the server's bank").toBeDefined();
    await answer(q, shipped!, n++ < RIGHT);
  }
  await expect(page.getByText('已答 10/10 题')).toBeVisible();
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  await page.getByRole('button', { name: '确定交卷' }).click();
  await expect(page.getByTestId('exam-attempt')).toContainText('已提交，等待评分');

  await page.reload();
  await expect(page.getByTestId('exam-attempt')).toContainText('已提交，等待评分');
  await context.setOffline(false);
  await expect(page.getByTestId('exam-attempt')).toContainText('得分 70，答对 7/10 题', { timeout: 30_000 });
});

test('an admin sees the attempt in the exam statistics', async ({ page }) => {
  await signIn(page, '13800000001');
  await nav(page).getByRole('link', { name: '管理' }).click();
  await page.getByRole('navigation', { name: '管理栏目' }).getByRole('link', { name: '考试', exact: true }).click();
  await page.getByRole('link', { name: /年度镇村干部学法考试/ }).click();
  // 1 of the exam's audience: every cadre (15 in the demo township, more once another spec imports people)
  await expect(page.getByTestId('stat-participants')).toHaveText(/^1\/\d+$/);
  const audience = Number((await page.getByTestId('stat-participants').textContent())!.split('/')[1]);
  expect(audience).toBeGreaterThanOrEqual(15);
  await expect(page.getByTestId('stat-attempts')).toHaveText('1');
  // the one attempt scored 70 (seven of ten right) against a pass mark of 60
  await expect(page.getByTestId('stat-pass-rate')).toHaveText('100%');
  await expect(page.getByTestId('stat-average')).toHaveText('70');
  // each bucket reads its range then its count (text content joins them: 70–79 holding 1 reads "70–791")
  await expect(page.getByRole('region', { name: '分数分布' }).getByRole('listitem')).toHaveText(
    Array.from({ length: 10 }, (_, i) => `${i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`}${i === 7 ? 1 : 0}`),
  );
  await expect(page.getByRole('region', { name: '各单位参考情况' }).getByRole('row', { name: /东山村/ })).toContainText('1/');
  await expect(page.getByRole('region', { name: '逐题分析' }).getByRole('listitem')).toHaveCount(10);
  // One participant is too few to rank: the ranking leaves 东山村 out and says why.
  const ranking = page.getByRole('region', { name: '各村排名' });
  await expect(ranking.getByRole('row', { name: /东山村/ })).toHaveCount(0);
  await expect(ranking).toContainText('参考不足 3 人的村不列入排名');
  await expect(ranking).toContainText('有 1 个村因参考人数不足未列出。');
});
