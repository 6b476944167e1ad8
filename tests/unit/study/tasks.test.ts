import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/roles';
import { appliesTo, taskViews, type TaskView } from '@/lib/study/tasks';
import type { LessonRecord, ProgressRecord, StudyTaskRecord } from '@/lib/study/types';

const NOW = new Date('2026-03-04T04:00:00Z'); // Wednesday; the week started on Monday 2026-03-02 (CST)
const THIS_WEEK = '2026-03-02';
const LAST_WEEK = '2026-02-23';
const TWO_WEEKS_AGO = '2026-02-16';
const NEXT_WEEK = '2026-03-09';

const VILLAGE_PATH = ['org-county', 'org-town', 'org-v01'];
const HAMLET_PATH = [...VILLAGE_PATH, 'org-v01-h1'];

function task(id: string, over: Partial<StudyTaskRecord>): StudyTaskRecord {
  return {
    id,
    weekStart: THIS_WEEK,
    lessonId: null,
    moduleId: null,
    roles: ['cadre', 'villager'],
    orgUnitIds: ['org-town'],
    note: '',
    ...over,
  };
}

function lesson(id: string, moduleId: string, sortOrder: number): LessonRecord {
  return { id, slug: id, moduleId, sortOrder, title: id, titleEn: id, minutes: 5, body: '', cites: [] };
}

describe('appliesTo', () => {
  it.each<{ name: string; roles: Role[]; orgUnitIds: string[]; role: Role; path: string[]; expected: boolean }>([
    {
      name: 'a township task reaches a cadre in one of its villages',
      roles: ['cadre'],
      orgUnitIds: ['org-town'],
      role: 'cadre',
      path: VILLAGE_PATH,
      expected: true,
    },
    {
      name: 'a township task reaches a villager in a natural village',
      roles: ['villager'],
      orgUnitIds: ['org-town'],
      role: 'villager',
      path: HAMLET_PATH,
      expected: true,
    },
    {
      name: 'a task for cadres skips an admin in the same township',
      roles: ['cadre'],
      orgUnitIds: ['org-town'],
      role: 'admin',
      path: ['org-county', 'org-town'],
      expected: false,
    },
    {
      name: 'a task for another village skips this one',
      roles: ['villager'],
      orgUnitIds: ['org-v02'],
      role: 'villager',
      path: HAMLET_PATH,
      expected: false,
    },
    {
      name: 'a natural-village task skips the village cadre above it',
      roles: ['cadre'],
      orgUnitIds: ['org-v01-h1'],
      role: 'cadre',
      path: VILLAGE_PATH,
      expected: false,
    },
    {
      name: 'any one of several org units is enough',
      roles: ['villager'],
      orgUnitIds: ['org-v09', 'org-v01-h1'],
      role: 'villager',
      path: HAMLET_PATH,
      expected: true,
    },
    {
      name: 'a person with no org unit gets no task',
      roles: ['villager'],
      orgUnitIds: ['org-town'],
      role: 'villager',
      path: [],
      expected: false,
    },
  ])('$name', ({ roles, orgUnitIds, role, path, expected }) => {
    expect(appliesTo(task('t', { roles, orgUnitIds }), role, path)).toBe(expected);
  });
});

describe('taskViews for a cadre in village 1 on Wednesday 2026-03-04', () => {
  const lessons = [
    lesson('open-this-week', 'm-single', 1),
    lesson('missed-last-week', 'm-single', 2),
    lesson('done-last-week', 'm-single', 3),
    lesson('m3-c', 'm-three', 3),
    lesson('m3-a', 'm-three', 1),
    lesson('m3-b', 'm-three', 2),
    lesson('m2-a', 'm-done', 1),
    lesson('m2-b', 'm-done', 2),
  ];
  const done = (lessonId: string): [string, ProgressRecord] => [
    lessonId,
    { lessonId, openedAt: '2026-02-24T01:00:00Z', completedAt: '2026-02-24T02:00:00Z', secondsSpent: 120 },
  ];
  const progress = new Map<string, ProgressRecord>([
    done('done-last-week'),
    done('m3-a'),
    done('m3-c'),
    done('m2-a'),
    done('m2-b'),
    ['open-this-week', { lessonId: 'open-this-week', openedAt: '2026-03-03T01:00:00Z', completedAt: null, secondsSpent: 600 }],
  ]);

  type Where = 'thisWeek' | 'overdue';
  const table: { name: string; task: StudyTaskRecord; where: Where[]; state?: TaskView['state']; done?: number; lessons?: string[] }[] = [
    {
      name: "this week's lesson, opened but not completed, is to do",
      task: task('t-todo', { lessonId: 'open-this-week' }),
      where: ['thisWeek'],
      state: 'todo',
      done: 0,
      lessons: ['open-this-week'],
    },
    {
      name: "last week's lesson not completed is overdue",
      task: task('t-overdue', { weekStart: LAST_WEEK, lessonId: 'missed-last-week' }),
      where: ['overdue'],
      state: 'overdue',
      done: 0,
    },
    {
      name: 'a task from two weeks ago is still overdue',
      task: task('t-older', { weekStart: TWO_WEEKS_AGO, lessonId: 'missed-last-week' }),
      where: ['overdue'],
      state: 'overdue',
    },
    {
      name: "last week's lesson completed is shown in neither list",
      task: task('t-done-old', { weekStart: LAST_WEEK, lessonId: 'done-last-week' }),
      where: [],
    },
    {
      name: 'a module task counts its completed lessons, in lesson order',
      task: task('t-module', { moduleId: 'm-three' }),
      where: ['thisWeek'],
      state: 'todo',
      done: 2,
      lessons: ['m3-a', 'm3-b', 'm3-c'],
    },
    {
      name: 'a module task with every lesson completed is done',
      task: task('t-module-done', { moduleId: 'm-done' }),
      where: ['thisWeek'],
      state: 'done',
      done: 2,
    },
    {
      name: 'a module of last week with a lesson left is overdue',
      task: task('t-module-old', { weekStart: LAST_WEEK, moduleId: 'm-three' }),
      where: ['overdue'],
      state: 'overdue',
      done: 2,
    },
    {
      name: 'a task for a module with no lessons on the phone is never done',
      task: task('t-empty', { moduleId: 'm-not-pulled' }),
      where: ['thisWeek'],
      state: 'todo',
      done: 0,
      lessons: [],
    },
    { name: "next week's task is not shown yet", task: task('t-next', { weekStart: NEXT_WEEK, lessonId: 'open-this-week' }), where: [] },
    {
      name: 'a task for villagers only is not shown to a cadre',
      task: task('t-villagers', { roles: ['villager'], lessonId: 'open-this-week' }),
      where: [],
    },
    {
      name: 'a task for another village is not shown',
      task: task('t-other', { orgUnitIds: ['org-v02'], lessonId: 'open-this-week' }),
      where: [],
    },
  ];

  const result = taskViews(
    table.map((row) => row.task),
    { role: 'cadre', orgPath: VILLAGE_PATH },
    lessons,
    progress,
    NOW,
  );
  const find = (id: string) => [...result.thisWeek, ...result.overdue].find((v) => v.task.id === id);

  it.each(table)('$name', ({ task: t, where, state, done: count, lessons: ids }) => {
    const lists: Where[] = [];
    if (result.thisWeek.some((v) => v.task.id === t.id)) lists.push('thisWeek');
    if (result.overdue.some((v) => v.task.id === t.id)) lists.push('overdue');
    expect(lists).toEqual(where);
    if (lists.length === 0) return;
    const view = find(t.id)!;
    if (state) expect(view.state).toBe(state);
    if (count !== undefined) expect(view.done).toBe(count);
    if (ids) expect(view.lessons.map((l) => l.id)).toEqual(ids);
    expect(view.complete).toBe(view.state === 'done');
  });

  it('lists this week and overdue tasks in the order they were given', () => {
    expect(result.thisWeek.map((v) => v.task.id)).toEqual(['t-todo', 't-module', 't-module-done', 't-empty']);
    expect(result.overdue.map((v) => v.task.id)).toEqual(['t-overdue', 't-older', 't-module-old']);
  });

  it('moves a lesson task from to do to done once its lesson is completed', () => {
    const t = task('t', { lessonId: 'open-this-week' });
    const before = taskViews([t], { role: 'cadre', orgPath: VILLAGE_PATH }, lessons, new Map(), NOW);
    const after = taskViews([t], { role: 'cadre', orgPath: VILLAGE_PATH }, lessons, new Map([done('open-this-week')]), NOW);
    expect(before.thisWeek[0]?.state).toBe('todo');
    expect(after.thisWeek[0]?.state).toBe('done');
  });

  it('turns an unfinished task overdue when the next week starts (Monday 00:00 CST)', () => {
    const t = task('t', { lessonId: 'open-this-week' });
    const sundayNight = taskViews([t], { role: 'cadre', orgPath: VILLAGE_PATH }, lessons, new Map(), new Date('2026-03-08T15:59:59Z'));
    const mondayMorning = taskViews([t], { role: 'cadre', orgPath: VILLAGE_PATH }, lessons, new Map(), new Date('2026-03-08T16:00:00Z'));
    expect(sundayNight).toMatchObject({ thisWeek: [{ state: 'todo' }], overdue: [] });
    expect(mondayMorning).toMatchObject({ thisWeek: [], overdue: [{ state: 'overdue' }] });
  });
});
