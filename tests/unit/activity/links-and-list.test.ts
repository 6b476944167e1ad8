import { describe, expect, it } from 'vitest';
import { checkInUrl, parseScanned, personCode } from '@/lib/activity/links';
import { filterActivities, totalsOf } from '@/lib/activity/list';
import type { ActivityRecord, CheckInRecord } from '@/lib/activity/types';

describe('parseScanned', () => {
  const id = '0190a000-0000-7000-8000-000000000001';
  it.each([
    {
      text: checkInUrl('https://pufa.example.cn', 'zh', id, 'Abc123xyz'),
      expected: { kind: 'activity', activityId: id, code: 'Abc123xyz' },
    },
    { text: `/en/activity/check-in?a=${id}&c=Q1w2e3r4`, expected: { kind: 'activity', activityId: id, code: 'Q1w2e3r4' } },
    { text: personCode('user-1', '王建国'), expected: { kind: 'person', userId: 'user-1', name: '王建国' } },
    { text: 'PUFA-P:', expected: { kind: 'unknown' } },
    { text: `https://pufa.example.cn/zh/activity/check-in?a=${id}`, expected: { kind: 'unknown' } },
    { text: 'https://weixin.qq.com/some/other/page', expected: { kind: 'unknown' } },
    { text: '随便一段文字', expected: { kind: 'unknown' } },
  ])('reads $text', ({ text, expected }) => {
    expect(parseScanned(text)).toEqual(expected);
  });
});

function activity(id: string, patch: Partial<ActivityRecord>): ActivityRecord {
  return {
    id,
    kind: 'lecture',
    studyKind: null,
    dutyOutcome: null,
    themeId: null,
    title: id,
    orgUnitId: 'org-v01',
    place: '',
    latitude: null,
    longitude: null,
    accuracyM: null,
    startsAt: '2026-03-02T01:00:00.000Z',
    endsAt: '2026-03-02T03:00:00.000Z',
    hostId: 'u',
    hostName: 'h',
    staff: '',
    audience: 10,
    banners: 1,
    posters: 2,
    leaflets: 3,
    brochures: 4,
    gifts: 5,
    notes: '',
    photos: [],
    checkInCode: null,
    version: 1,
    updatedAt: '2026-03-02T03:00:00.000Z',
    ...patch,
  };
}

describe('activity list', () => {
  const list = [
    activity('a', {}),
    activity('b', { kind: 'publicity', themeId: 't1', orgUnitId: 'org-v01-h1', startsAt: '2026-04-01T01:00:00.000Z' }),
    activity('c', { orgUnitId: 'org-v02', leaflets: 100 }),
  ];
  const paths = new Map([
    ['org-town', '/org-town/'],
    ['org-v01', '/org-town/org-v01/'],
    ['org-v01-h1', '/org-town/org-v01/org-v01-h1/'],
    ['org-v02', '/org-town/org-v02/'],
  ]);
  it.each([
    { filter: {}, ids: ['b', 'a', 'c'] },
    { filter: { period: '2026-03' }, ids: ['a', 'c'] },
    { filter: { kind: 'publicity' }, ids: ['b'] },
    { filter: { themeId: 't1' }, ids: ['b'] },
    { filter: { orgUnitId: 'org-v01' }, ids: ['b', 'a'] },
    { filter: { orgUnitId: 'org-town' }, ids: ['b', 'a', 'c'] },
  ])('filters by $filter', ({ filter, ids }) => {
    const rows = filterActivities(list, { period: '', kind: '', themeId: '', orgUnitId: '', ...filter }, paths);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('totals materials and counts each person once per activity', () => {
    const checkIns = [
      { id: '1', activityId: 'a', personKey: 'u:1' },
      { id: '2', activityId: 'a', personKey: 'u:1' },
      { id: '3', activityId: 'a', personKey: 'm:org-v01:马大爷' },
      { id: '4', activityId: 'x', personKey: 'u:2' },
    ] as CheckInRecord[];
    expect(totalsOf(list, checkIns)).toEqual({
      count: 3,
      audience: 30,
      checkIns: 2,
      banners: 3,
      posters: 6,
      leaflets: 106,
      brochures: 12,
      gifts: 15,
    });
  });
});
