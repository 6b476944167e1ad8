import 'server-only';
import { opPayloadSchemas, type OpPayload, type OpType } from '@/lib/sync/ops';
import { activityOps } from '../activity/ops';
import { seedActivityThemes } from '../activity/themes';
import { consultOps } from '../consult/ops';
import { CONSULT_CONSENT_VERSION } from '@/lib/consult/types';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type DbHandle, type Trx } from '../db/client';
import { answerOf } from '../quiz/bank';
import { createExam } from '../quiz/exams';
import { quizOps } from '../quiz/ops';
import { issuePaperIn } from '../quiz/papers';
import { studyOps } from '../study';
import type { ApplyFn } from '../sync/registry';

/**
 * A realistic past year for the demo township, so the report reads like a real one and every figure drills down:
 * about 25 党委会会前学法, 11 周一例会, 31 专题宣传, 14 讲座, 32 法律咨询服务 (materials and check-ins), visits, lesson
 * completions, the year's cadre exam in November (papers issued, attempts submitted, some failed and retaken),
 * consultations answered on time and late. Every record is made by the functions a phone's requests go through
 * (issuing a paper, the ops' apply functions), never by writing totals. Fixed ids: a second run finds the first
 * activity and does nothing.
 */
const handlers = { ...activityOps, ...consultOps, ...studyOps, ...quizOps } as unknown as Record<string, ApplyFn<OpType>>;
const idOf = (n: number) => `00000000-0000-7000-8025-${String(n).padStart(12, '0')}`;
const SURNAMES = ['马', '杨', '李', '王', '张', '田', '海', '冶', '苏', '何'];
const GIVEN = ['海', '花', '兰', '军', '梅', '成', '福', '英', '强', '芳', '忠', '霞'];

/** A small deterministic generator: the same demo every time. */
function rng(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

/** ISO instant of a CST wall-clock time in the given year. */
const cst = (year: number, month: number, day: number, hour: number, minute = 0) =>
  new Date(
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`,
  ).toISOString();

export async function seedDemoYear(handle: DbHandle, year: number): Promise<boolean> {
  if (await handle.db.selectFrom('activity').select('id').where('id', '=', idOf(1)).executeTakeFirst()) return false;
  await seedActivityThemes(handle);
  const users = await handle.db.selectFrom('user').select(['id', 'username', 'role', 'orgUnitId', 'legalLiterate']).execute();
  const byPhone = (p: string) => users.find((u) => u.username === p);
  const admin = byPhone('13800000001');
  const publicist = byPhone('13800000002');
  const lawyer = byPhone('13800000005');
  if (!admin || !publicist || !lawyer) return false;
  const villages = await handle.db
    .selectFrom('orgUnit')
    .select(['id', 'name'])
    .where('level', '=', 'village')
    .where('path', 'like', '/org-county/org-town/%')
    .orderBy('sortOrder')
    .execute();
  const literates = users.filter((u) => u.legalLiterate && u.orgUnitId);
  const learners = users.filter((u) => u.role === 'cadre' || u.role === 'villager');
  const lessons = await handle.db.selectFrom('lesson').select('id').orderBy('moduleId').orderBy('sortOrder').execute();
  const themes = await handle.db.selectFrom('activityTheme').select('id').orderBy('sortOrder').execute();
  const pick = rng(year);
  let n = 0;

  const ops: { userId: string; type: OpType; payload: Record<string, unknown>; at: string }[] = [];
  const op = (userId: string, type: OpType, payload: Record<string, unknown>, at: string) => ops.push({ userId, type, payload, at });
  const person = () => `${SURNAMES[pick(SURNAMES.length)]}${GIVEN[pick(GIVEN.length)]}${GIVEN[pick(GIVEN.length)]}`;

  const event = (
    kind: string,
    title: string,
    hostId: string,
    hostName: string,
    orgUnitId: string,
    startsAt: string,
    fields: Record<string, unknown>,
    checkIns: number,
  ) => {
    const id = idOf(++n);
    op(
      hostId,
      'activity.save',
      {
        id,
        checkInCode: `demoYear${n}`,
        activity: {
          title,
          kind,
          orgUnitId,
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(),
          hostName,
          audience: 0,
          banners: 0,
          posters: 0,
          leaflets: 0,
          brochures: 0,
          gifts: 0,
          themeId: themes.length ? themes[pick(themes.length)]!.id : null,
          ...fields,
        },
      },
      startsAt,
    );
    for (let i = 0; i < checkIns; i++)
      op(
        hostId,
        'activity.checkIn',
        {
          id: idOf(100_000 + n * 100 + i),
          activityId: id,
          person: { kind: 'manual', name: person(), orgUnitId },
          method: 'manual',
          at: new Date(Date.parse(startsAt) + (5 + i) * 60_000).toISOString(),
        },
        startsAt,
      );
  };
  const day = (i: number, of: number) => {
    // spread i of `of` over the year, on a weekday morning
    const d = new Date(Date.UTC(year, 0, 6) + Math.floor(((i + 0.5) * 350) / of) * 86_400_000);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
    return [d.getUTCMonth() + 1, d.getUTCDate()] as const;
  };

  for (let i = 0; i < 25; i++) {
    const [m, d] = day(i, 25);
    event(
      'study',
      `党委会会前学法（第${i + 1}次）`,
      admin.id,
      '周司法',
      'org-town',
      cst(year, m, d, 8, 30),
      { studyKind: 'partyCommittee', place: '镇政府党委会议室' },
      9 + pick(4),
    );
  }
  for (let i = 0; i < 11; i++) {
    const [m, d] = day(i, 11);
    event(
      'study',
      `周一例会集中学习（第${i + 1}次）`,
      admin.id,
      '周司法',
      'org-town',
      cst(year, m, d, 9),
      { studyKind: 'mondayMeeting', place: '镇政府三楼会议室' },
      20 + pick(15),
    );
  }
  for (let i = 0; i < 31; i++) {
    const [m, d] = day(i, 31);
    const v = villages[i % villages.length]!;
    event(
      'publicity',
      `${v.name}专题法治宣传`,
      publicist.id,
      '李宣传',
      v.id,
      cst(year, m, d, 10),
      {
        place: `${v.name}文化广场`,
        audience: 60 + pick(200),
        banners: 1 + pick(2),
        posters: 4 + pick(10),
        leaflets: 100 + pick(300),
        brochures: 20 + pick(50),
        gifts: 30 + pick(80),
      },
      3 + pick(6),
    );
  }
  for (let i = 0; i < 14; i++) {
    const [m, d] = day(i, 14);
    const v = villages[(i * 3) % villages.length]!;
    event(
      'lecture',
      `${v.name}法律专题讲座`,
      publicist.id,
      '李宣传',
      v.id,
      cst(year, m, d, 14),
      { place: `${v.name}村委会会议室`, staff: '陈律师', audience: 30 + pick(60), leaflets: 40 + pick(80), brochures: 10 + pick(30) },
      8 + pick(12),
    );
  }
  for (let i = 0; i < 32; i++) {
    const [m, d] = day(i, 32);
    const v = villages[(i * 5) % villages.length]!;
    event(
      'consultation',
      `${v.name}法律咨询服务`,
      publicist.id,
      '李宣传',
      v.id,
      cst(year, m, d, 10, 30),
      { place: `${v.name}集市`, staff: '陈律师', audience: 20 + pick(40), leaflets: 50 + pick(100) },
      2 + pick(5),
    );
  }
  for (const [i, kind] of (
    ['visitSchool', 'visitSchool', 'visitAgency', 'visitEnterprise', 'visitVillage', 'visitVillage'] as const
  ).entries()) {
    const [m, d] = day(i, 6);
    event(
      kind,
      '法治“四进”宣讲',
      publicist.id,
      '李宣传',
      villages[i % villages.length]!.id,
      cst(year, m, d, 15),
      { audience: 40 + pick(100), brochures: 20 + pick(40) },
      4 + pick(6),
    );
  }

  // Lesson completions: each cadre and villager finishes a few lessons across the year.
  for (const [u, learner] of learners.entries()) {
    const count = lessons.length ? 2 + pick(Math.min(5, lessons.length)) : 0;
    for (let k = 0; k < count; k++) {
      const lessonId = lessons[(u + k * 3) % lessons.length]!.id;
      const [m, d] = day(pick(48), 48);
      const opened = cst(year, m, d, 20, pick(50));
      const seconds = 240 + pick(600);
      op(learner.id, 'study.open', { lessonId }, opened);
      op(learner.id, 'study.read', { lessonId, seconds }, new Date(Date.parse(opened) + seconds * 1000).toISOString());
      op(learner.id, 'study.complete', { lessonId }, new Date(Date.parse(opened) + seconds * 1000).toISOString());
    }
  }

  // Consultations: 法律明白人 file for neighbours; the lawyer takes and answers most within days, some late.
  const categories = ['land', 'marriage', 'wages', 'loans', 'neighbours', 'land', 'wages', 'torts', 'administrative', 'other'];
  for (let i = 0; i < 36 && literates.length; i++) {
    const filer = literates[i % literates.length]!;
    const [m, d] = day(i, 36);
    const filed = cst(year, m, d, 19);
    const consultationId = idOf(500_000 + i);
    op(
      filer.id,
      'consult.file',
      {
        id: consultationId,
        channel: 'app',
        category: categories[i % categories.length],
        villageId: filer.orgUnitId,
        description: '邻居请我代为咨询：这件事应当找哪个部门、怎么办理？',
        requesterName: person(),
        forOther: true,
        consentVersion: CONSULT_CONSENT_VERSION,
      },
      filed,
    );
    if (i % 9 === 8) continue; // still open
    const late = i % 6 === 5;
    const answered = new Date(Date.parse(filed) + (late ? 16 : 1 + pick(3)) * 86_400_000).toISOString();
    op(lawyer.id, 'consult.take', { consultationId }, answered);
    op(
      lawyer.id,
      'consult.reply',
      { consultationId, messageId: idOf(600_000 + i), body: '已电话答复当事人，并告知可以向镇人民调解委员会申请调解。' },
      answered,
    );
    op(
      lawyer.id,
      'consult.resolve',
      { consultationId, messageId: idOf(700_000 + i) },
      new Date(Date.parse(answered) + 3600_000).toISOString(),
    );
  }

  const examId = await seedYearExam(handle, year, admin.id);
  const cadres = await handle.db
    .selectFrom('user')
    .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
    .select(['user.id', 'user.orgUnitId'])
    .where('user.role', '=', 'cadre')
    .where('orgUnit.path', 'like', '/org-county/org-town/%')
    .orderBy('user.username')
    .execute();

  await writeTransaction(handle, async (trx: Trx) => {
    const changeSeq = await nextChangeSeq(trx);
    for (const [i, o] of ops.entries()) {
      const payload = opPayloadSchemas[o.type].parse({ at: o.at, ...o.payload }) as OpPayload<OpType>;
      await handlers[o.type]!(
        {
          trx,
          userId: o.userId,
          deviceId: 'demo-year',
          opId: idOf(900_000 + i),
          changeSeq,
          now: o.at,
          dbKind: handle.kind,
          accountCreatedAt: new Date(0).toISOString(),
        },
        payload,
      );
    }

    // The cadre exam: most cadres sit it in November; some fail and take their second paper a few days later.
    if (!examId) return;
    let attempt = 0;
    for (const [k, cadre] of cadres.entries()) {
      if (k % 7 === 6) continue; // did not sit it
      // Every fourth sat it underprepared: fails the first paper, as a few always do, and tries again.
      const underprepared = k % 4 === 1;
      let skill = underprepared ? 0.3 : 0.5 + pick(45) / 100;
      for (let tryNo = 0; tryNo < 2; tryNo++) {
        const downloaded = cst(year, 11, 3 + ((k * 2) % 19) + tryNo * 4, 9 + (k % 8), pick(50));
        const paperId = idOf(800_000 + attempt);
        const issued = await issuePaperIn(
          trx,
          handle.kind,
          { id: cadre.id, role: 'cadre', orgUnitId: cadre.orgUnitId },
          examId,
          downloaded,
          paperId,
        );
        const keys = await trx
          .selectFrom('question')
          .select(['id', 'answer'])
          .where(
            'id',
            'in',
            issued.paper.questions.map((q) => q.id),
          )
          .execute();
        // A question left unanswered counts as wrong: the demo's wrong answers are the ones a learner skipped.
        const answers = Object.fromEntries(keys.filter(() => pick(100) < skill * 100).map((q) => [q.id, answerOf(q)]));
        const startedAt = new Date(Date.parse(downloaded) + 60_000).toISOString();
        const submittedAt = new Date(Date.parse(startedAt) + (12 + pick(15)) * 60_000).toISOString();
        const payload = opPayloadSchemas['exam.submit'].parse({
          attemptId: idOf(850_000 + attempt),
          examId,
          paperId,
          startedAt,
          submittedAt,
          answers,
        });
        await handlers['exam.submit']!(
          {
            trx,
            userId: cadre.id,
            deviceId: 'demo-year',
            opId: idOf(950_000 + attempt),
            changeSeq,
            now: new Date(Date.parse(submittedAt) + 30_000).toISOString(),
            dbKind: handle.kind,
            accountCreatedAt: new Date(0).toISOString(),
          },
          payload,
        );
        attempt++;
        const passed = await trx.selectFrom('examAttempt').select('passed').where('paperId', '=', paperId).executeTakeFirst();
        if (passed?.passed || (!underprepared && pick(3) === 0)) break; // passed, or did not try again
        skill = Math.min(1, skill + 0.3);
      }
    }
  });
  return true;
}

/** The year's cadre exam, closed since, on the same rules as the demo's current one (server/quiz/seed.ts). */
async function seedYearExam(handle: DbHandle, year: number, adminId: string): Promise<string | undefined> {
  const id = `exam-demo-year-${year}`;
  if (await handle.db.selectFrom('exam').select('id').where('id', '=', id).executeTakeFirst()) return id;
  const pool = await handle.db.selectFrom('question').select('id').where('pool', '=', 'exam').limit(1).execute();
  if (pool.length === 0) return undefined;
  await createExam(
    handle,
    {
      title: `${year}年镇村干部法律知识考试`,
      description: '演示：上一年度的考试，已结束。单选 5 题、多选 3 题、判断 2 题，60 分及格，可考两次，取最高分。',
      roles: ['cadre'],
      orgUnitIds: ['org-town'],
      opensAt: cst(year, 11, 1, 8),
      closesAt: cst(year, 11, 30, 18),
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
    adminId,
    id,
  );
  return id;
}
