import type { Role } from '@/lib/roles';
import type { LessonRecord, ProgressRecord, StudyTaskRecord } from './types';
import { weekStartOf } from './week';

/** Which weekly tasks apply to a person, and how far they are with each. Pure, so it is tested without a phone. */
export interface TaskView {
  task: StudyTaskRecord;
  lessons: LessonRecord[];
  done: number;
  complete: boolean;
  state: 'done' | 'todo' | 'overdue';
}

export function appliesTo(task: StudyTaskRecord, role: Role, orgPath: readonly string[]): boolean {
  return task.roles.includes(role) && task.orgUnitIds.some((id) => orgPath.includes(id));
}

export function taskViews(
  tasks: readonly StudyTaskRecord[],
  person: { role: Role; orgPath: readonly string[] },
  lessons: readonly LessonRecord[],
  progress: ReadonlyMap<string, ProgressRecord>,
  now: Date,
): { thisWeek: TaskView[]; overdue: TaskView[] } {
  const week = weekStartOf(now);
  const views = tasks
    .filter((t) => appliesTo(t, person.role, person.orgPath) && t.weekStart <= week)
    .map((task): TaskView => {
      const ls = task.lessonId
        ? lessons.filter((l) => l.id === task.lessonId)
        : lessons.filter((l) => l.moduleId === task.moduleId).sort((a, b) => a.sortOrder - b.sortOrder);
      const done = ls.filter((l) => progress.get(l.id)?.completedAt).length;
      const complete = ls.length > 0 && done === ls.length;
      return { task, lessons: ls, done, complete, state: complete ? 'done' : task.weekStart < week ? 'overdue' : 'todo' };
    });
  return {
    thisWeek: views.filter((v) => v.task.weekStart === week),
    overdue: views.filter((v) => v.state === 'overdue'),
  };
}
