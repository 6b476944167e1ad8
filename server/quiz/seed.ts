import 'server-only';
import type { DbHandle } from '../db/client';
import { createExam } from './exams';

/** The demo's formal exam: open from yesterday for two months, for cadres anywhere in the township. */
export const DEMO_EXAM_ID = 'exam-demo-annual';

export async function seedDemoExam(handle: DbHandle, townshipId: string, now: Date): Promise<void> {
  if (await handle.db.selectFrom('exam').select('id').where('id', '=', DEMO_EXAM_ID).executeTakeFirst()) return;
  const admin = await handle.db.selectFrom('user').select('id').where('username', '=', '13800000001').executeTakeFirst();
  const pool = await handle.db.selectFrom('question').select('id').where('pool', '=', 'exam').limit(1).execute();
  if (!admin || pool.length === 0) return;
  const day = 24 * 3600_000;
  await createExam(
    handle,
    {
      title: `${now.getFullYear()}年度镇村干部学法考试`,
      description: '演示考试：单选 5 题、多选 3 题、判断 2 题，60 分及格，可考两次，取最高分。',
      roles: ['cadre'],
      orgUnitIds: [townshipId],
      opensAt: new Date(now.getTime() - day).toISOString(),
      closesAt: new Date(now.getTime() + 60 * day).toISOString(),
      timeLimitMinutes: 30,
      passMark: 60,
      maxAttempts: 2,
      countingRule: 'highest',
      review: 'full',
      showRanking: true,
      paper: {
        mode: 'random',
        rules: [
          { tag: null, type: 'single', count: 5 },
          { tag: null, type: 'multiple', count: 3 },
          { tag: null, type: 'truefalse', count: 2 },
        ],
      },
    },
    admin.id,
    DEMO_EXAM_ID,
  );
}
