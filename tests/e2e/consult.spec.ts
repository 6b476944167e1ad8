import { expect, type Page } from '@playwright/test';
import { test } from '@playwright/test';
import { serverDb, signIn, waitForOfflineReady } from './helpers';

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
const QUESTION = '收割机把我家麦地压坏了一大片，对方不认账，该找谁赔？';
const ANSWER = '先拍照留存损失，找村人民调解委员会调解；调解不成，可以向人民法院起诉要求赔偿。';

/** A small real JPEG made by the browser's own canvas, as a phone camera would give. */
async function cameraJpeg(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#c8a050';
    g.fillRect(0, 0, 64, 48);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.8));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  return Buffer.from(bytes);
}

async function signOut(page: Page) {
  await nav(page).getByRole('link', { name: '我的' }).click();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel('手机号')).toBeVisible();
}

test('a villager files a request offline with a photo; the lawyer answers; the villager reads the answer and rates it', async ({
  page,
  context,
}) => {
  await signIn(page, '13800000004');
  await waitForOfflineReady(page);
  await nav(page).getByRole('link', { name: '咨询' }).click();
  await page.getByRole('link', { name: '我要咨询' }).click();

  // The separate consent: unticked, and nothing can be filed until it is ticked.
  const agree = page.getByRole('button', { name: '同意并继续' });
  await expect(agree).toBeDisabled();
  await page.getByRole('checkbox', { name: /单独同意/ }).check();
  await agree.click();
  await expect(page.getByLabel('所在村')).not.toHaveValue('');

  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveText('离线');
  await page.getByLabel('问题类别').selectOption({ label: '侵权赔偿' });
  await page.getByLabel('问题描述').fill(QUESTION);
  await page.getByLabel('拍照或选照片').setInputFiles({ name: 'field.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(page) });
  await expect(page.getByText('待上传')).toBeVisible();
  await page.getByRole('checkbox', { name: '希望律师回电' }).check();
  await page.getByRole('button', { name: '提交咨询' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /侵权赔偿/ })).toBeVisible();
  await expect(page.getByText(QUESTION)).toBeVisible();
  await expect(page.getByText('待同步').first()).toBeVisible();
  const id = new URL(page.url()).searchParams.get('id')!;

  await context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
  await expect(page.getByText('待同步')).toHaveCount(0);
  const db = serverDb();
  try {
    const row = db.prepare('select description, photoIds, consentVersion, callBack from consultation where id = ?').get(id) as {
      description: string;
      photoIds: string;
      consentVersion: string;
      callBack: number;
    };
    expect(row).toMatchObject({ description: QUESTION, callBack: 1 });
    expect(row.consentVersion).toBeTruthy();
    expect(JSON.parse(row.photoIds)).toHaveLength(1);
  } finally {
    db.close();
  }
  await signOut(page);

  // The lawyer sees it as new (no personal details), takes it, reads it with its photo and answers.
  await signIn(page, '13800000005');
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
  await expect(nav(page).getByRole('link', { name: '咨询' })).toHaveAccessibleDescription(/项待处理/);
  await page.goto(`/zh/consult/item?id=${id}`);
  await expect(page.getByText('承接后才能看到当事人和问题内容。')).toBeVisible();
  await page.getByRole('button', { name: '承接这条咨询' }).click();
  await expect(page.getByText(QUESTION)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: '咨询照片 1' })).toBeVisible();
  await page.getByLabel('答复', { exact: true }).fill(ANSWER);
  await page.getByRole('button', { name: '发送答复' }).click();
  await page.getByRole('button', { name: '标记为已办结' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
  await signOut(page);

  // The villager reads the answer and rates it.
  await signIn(page, '13800000004');
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
  await nav(page).getByRole('link', { name: '咨询' }).click();
  await page.getByRole('link', { name: /侵权赔偿/ }).click();
  await expect(page.getByText(ANSWER)).toBeVisible();
  await page.getByRole('button', { name: '满意', exact: true }).click();
  await expect(page.getByText('满意', { exact: true })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
  const after = serverDb();
  try {
    const row = after.prepare('select status, rating from consultation where id = ?').get(id);
    expect(row).toEqual({ status: 'resolved', rating: 'satisfied' });
  } finally {
    after.close();
  }
});
