import 'server-only';
import type { OpPayload, OpType } from '@/lib/sync/ops';
import type { DbHandle } from '../db/client';
import { pushOps } from '../sync/push';
import { seedActivityThemes } from './themes';

/**
 * Demo activities in the demo township, logged and checked in through the same operations a phone pushes (so the
 * counts come from records, as in real use). Fixed op ids make a second run a no-op.
 */
const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const DAY = 24 * 3600_000;

function at(now: Date, daysAgo: number, hourUtc: number): string {
  const d = new Date(now.getTime() - daysAgo * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
}

const none = { banners: 0, posters: 0, leaflets: 0, brochures: 0, gifts: 0 };

export async function seedDemoActivities(handle: DbHandle, now = new Date()): Promise<void> {
  await seedActivityThemes(handle);
  const users = await handle.db
    .selectFrom('user')
    .select(['id', 'username'])
    .where('username', 'in', ['13800000001', '13800000002', '13800000003', '13800000004', '13900001001', '13900002001', '13900003001'])
    .execute();
  const user = (phone: string) => users.find((u) => u.username === phone)?.id;
  const admin = user('13800000001');
  const publicist = user('13800000002');
  const cadre = user('13800000003');
  const literate = user('13800000004');
  if (!admin || !publicist || !cadre || !literate) return;

  let n = 100;
  const ops: Record<string, { type: OpType; payload: unknown }[]> = { [admin]: [], [publicist]: [], [cadre]: [], [literate]: [] };
  const push = <T extends OpType>(by: string, type: T, payload: OpPayload<T>) => ops[by]!.push({ type, payload });
  const activity = (
    by: string,
    n: number,
    fields: Partial<OpPayload<'activity.save'>['activity']> &
      Pick<OpPayload<'activity.save'>['activity'], 'title' | 'kind' | 'orgUnitId' | 'startsAt' | 'endsAt' | 'hostName'>,
  ) => {
    push(by, 'activity.save', {
      id: id(n),
      checkInCode: `demoCode${n}`,
      activity: {
        studyKind: null,
        dutyOutcome: null,
        themeId: null,
        place: '',
        latitude: null,
        longitude: null,
        accuracyM: null,
        staff: '',
        audience: 0,
        notes: '',
        photos: [],
        ...none,
        ...fields,
      },
    });
    return id(n);
  };
  const checkIn = (by: string, activityId: string, person: OpPayload<'activity.checkIn'>['person'], when: string) =>
    push(by, 'activity.checkIn', {
      id: id(++n),
      activityId,
      person,
      method: person.kind === 'self' ? 'link' : person.kind === 'user' ? 'hostScan' : 'manual',
      at: when,
    });

  const lecture = activity(publicist, 1, {
    title: '防范电信网络诈骗专题讲座',
    kind: 'lecture',
    themeId: 'theme-2',
    orgUnitId: 'org-v01',
    place: '东山村村委会会议室',
    startsAt: at(now, 12, 1),
    endsAt: at(now, 12, 3),
    hostName: '李宣传',
    staff: '陈律师（法律顾问）',
    audience: 60,
    leaflets: 120,
    brochures: 40,
    posters: 6,
    banners: 1,
  });
  checkIn(cadre, lecture, { kind: 'self', code: 'demoCode1' }, at(now, 12, 1));
  checkIn(publicist, lecture, { kind: 'manual', name: '马大爷', orgUnitId: 'org-v01' }, at(now, 12, 1));

  activity(publicist, 2, {
    title: '民法典宣传月集市宣传',
    kind: 'publicity',
    themeId: 'theme-5',
    orgUnitId: 'org-town',
    place: '七营集市',
    startsAt: at(now, 20, 2),
    endsAt: at(now, 20, 6),
    hostName: '李宣传',
    staff: '司法所 2 人、派出所 1 人',
    audience: 300,
    banners: 4,
    posters: 20,
    leaflets: 500,
    brochures: 150,
    gifts: 200,
  });

  const study = activity(admin, 3, {
    title: '周一例会集中学习：《反有组织犯罪法》',
    kind: 'study',
    studyKind: 'mondayMeeting',
    themeId: 'theme-1',
    orgUnitId: 'org-town',
    place: '镇政府三楼会议室',
    startsAt: at(now, 6, 0),
    endsAt: at(now, 6, 1),
    hostName: '周司法',
  });
  for (const phone of ['13800000003', '13900001001', '13900002001', '13900003001']) {
    const u = user(phone);
    if (u) checkIn(admin, study, { kind: 'user', userId: u }, at(now, 6, 0));
  }

  activity(publicist, 4, {
    title: '西河村法律咨询服务',
    kind: 'consultation',
    themeId: 'theme-3',
    orgUnitId: 'org-v02',
    place: '西河村文化广场',
    startsAt: at(now, 4, 2),
    endsAt: at(now, 4, 5),
    hostName: '李宣传',
    staff: '陈律师',
    audience: 35,
    leaflets: 80,
  });

  activity(literate, 5, {
    title: '邻里宅基地边界纠纷排查上报',
    kind: 'dutyDispute',
    dutyOutcome: 'reported',
    orgUnitId: 'org-v01',
    place: '东山村一组',
    startsAt: at(now, 3, 6),
    endsAt: at(now, 3, 7),
    hostName: '张秀英',
    audience: 2,
    notes: '两户因宅基地边界争执，已报村调委会调解。',
  });

  let device = 900_000;
  for (const [userId, list] of Object.entries(ops)) {
    device++;
    if (!list.length) continue;
    const result = await pushOps(handle, userId, {
      deviceId: id(device),
      ops: list.map((op, i) => ({
        id: id(500_000 + Number((op.payload as { id: string }).id.slice(-12))),
        seq: i + 1,
        type: op.type,
        payload: op.payload,
        createdAt: now.toISOString(),
      })),
    });
    const rejected = result.results.filter((r) => r.status === 'rejected');
    if (rejected.length) throw new Error(`demo activities rejected: ${JSON.stringify(rejected)}`);
  }
}
