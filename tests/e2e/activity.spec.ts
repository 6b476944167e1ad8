import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { serverDb, signIn, waitForOfflineReady } from './helpers';

/** Activities in the field: logged offline with a photo, checked in by QR link once, study-session attendance. */
test.describe.configure({ mode: 'serial' });

let lectureId = '';
let lectureLink = '';

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('a publicist logs a lecture with a photo and materials offline; after a reload it is kept, and online it syncs with the photo', async ({
  page,
  context,
}) => {
  await signIn(page, '13800000002');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '活动' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '活动' })).toBeVisible();
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveText('离线');
  await page.getByRole('link', { name: '登记活动' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '登记活动' })).toBeVisible();
  await page.getByLabel('活动名称').fill('E2E 防范电信诈骗法律讲座');
  await page.getByLabel('活动类型').selectOption({ label: '法律专题讲座' });
  await page.getByLabel('主题').selectOption({ label: '反电信诈骗' });
  await page.getByLabel('地点').fill('东山村村委会');
  await page.getByLabel('受众人数（估计）').fill('45');
  await page.getByLabel('横幅（幅）').fill('2');
  await page.getByLabel('海报（张）').fill('8');
  await page.getByLabel('宣传资料（份）').fill('150');
  await page.getByLabel('宣传册（份）').fill('30');
  await page.getByLabel('宣传物品（份）').fill('0');
  const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#b91c1c' } })
    .jpeg()
    .toBuffer();
  await page.getByLabel('拍照或选照片').setInputFiles({ name: 'lecture.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByText('待上传')).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'E2E 防范电信诈骗法律讲座' })).toBeVisible();
  await expect(page.getByText('未同步')).toBeVisible();
  lectureId = new URL(page.url()).searchParams.get('id')!;

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'E2E 防范电信诈骗法律讲座' })).toBeVisible();
  await expect(page.getByTestId('material-leaflets')).toHaveText('150');
  await expect(page.getByText('待上传')).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toHaveText('已全部同步', { timeout: 30_000 });
  await expect(page.getByText('已上传')).toBeVisible();
  await expect(page.getByText('已同步', { exact: true })).toBeVisible();
  lectureLink = (await page.getByTestId('check-in-link').getAttribute('href'))!;

  const db = serverDb();
  let hash = '';
  try {
    const row = db.prepare('select leaflets, posters, photos from activity where id = ?').get(lectureId) as {
      leaflets: number;
      posters: number;
      photos: string;
    };
    expect(row).toMatchObject({ leaflets: 150, posters: 8 });
    hash = (JSON.parse(row.photos) as string[])[0]!;
    const file = db.prepare('select type, size from storedFile where hash = ?').get(hash) as { type: string; size: number };
    expect(file.type).toBe('image/jpeg');
    expect(file.size).toBeLessThanOrEqual(400 * 1024);
  } finally {
    db.close();
  }
  const served = await page.request.get(`/api/files/${hash}`);
  expect(served.status()).toBe(200);
  expect(served.headers()['cache-control']).toContain('no-store');
});

test('a cadre opens the QR link, signs in, is checked in, and opening it again counts once', async ({ browser }) => {
  expect(lectureLink).toContain('/activity/check-in?a=');
  const page = await newPage(browser);
  await page.goto(lectureLink);
  await expect(page).toHaveURL(/\/zh\/login\?next=/);
  await page.getByLabel('手机号').fill('13800000003');
  await page.getByLabel('密码').fill('Pufa-demo-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('签到成功！')).toBeVisible();
  await expect(page.getByText('已上传到服务器。')).toBeVisible({ timeout: 30_000 });

  await page.goto(lectureLink);
  await expect(page.getByText('您已经签到过了，每个活动只计一次。')).toBeVisible();
  const db = serverDb();
  try {
    const n = db.prepare('select count(*) as n from checkIn where activityId = ?').get(lectureId) as { n: number };
    expect(n.n).toBe(1);
  } finally {
    db.close();
  }
  await page.context().close();
});

test("a study session's attendance lists the cadres who checked in", async ({ page, browser }) => {
  await signIn(page, '13800000001');
  await page.goto('/zh/activity/new');
  await page.getByLabel('活动名称').fill('E2E 周一例会集中学习');
  await page.getByLabel('活动类型').selectOption({ label: '集中学习' });
  await page.getByLabel('学习类型').selectOption({ label: '周一例会集中学习' });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E2E 周一例会集中学习' })).toBeVisible();
  await expect(page.getByText('已同步', { exact: true })).toBeVisible({ timeout: 30_000 });
  const link = (await page.getByTestId('check-in-link').getAttribute('href'))!;

  const names: string[] = [];
  for (const phone of ['13800000003', '13900001001']) {
    const cadre = await newPage(browser);
    await signIn(cadre, phone);
    await cadre.goto(link);
    await expect(cadre.getByText('签到成功！')).toBeVisible();
    await expect(cadre.getByText('已上传到服务器。')).toBeVisible({ timeout: 30_000 });
    const db = serverDb();
    names.push((db.prepare('select name from user where username = ?').get(phone) as { name: string }).name);
    db.close();
    await cadre.context().close();
  }

  await page.reload();
  await expect(page.getByRole('heading', { name: '参加学习的干部 2 人' })).toBeVisible({ timeout: 30_000 });
  const list = page.getByRole('list', { name: '签到名单' });
  for (const name of names) await expect(list).toContainText(name);
});
