'use client';
import { useState } from 'react';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { api } from '@/lib/api-client';
import { localDb } from '@/lib/local/db';
import type { StudyTaskRecord } from '@/lib/study/types';
import { addDays } from '@/lib/study/week';
import { syncNow } from '@/lib/sync/engine';
import type { OrgOption } from './org-select';
import { TaskForm } from './task-form';

export interface TaskListProps {
  tasks: StudyTaskRecord[] | undefined;
  units: OrgOption[];
  onChanged: () => void;
}

/** Assigned weekly tasks, newest week first, each with edit and delete (confirmed). */
export function TaskList({ tasks, units, onChanged }: TaskListProps) {
  const t = useTranslations('admin');
  const tr = useTranslations('roles');
  const locale = useLocale();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const content = useLiveQuery(async () => ({ modules: await localDb().modules.toArray(), lessons: await localDb().lessons.toArray() }));
  const target = (task: StudyTaskRecord) => {
    if (task.lessonId) {
      const l = content?.lessons.find((x) => x.id === task.lessonId);
      return l ? (locale === 'zh' ? l.title : l.titleEn) : task.lessonId;
    }
    const m = content?.modules.find((x) => x.id === task.moduleId);
    return m ? (locale === 'zh' ? m.title.zh : m.title.en) : (task.moduleId ?? '');
  };
  const unitNames = (ids: string[]) => ids.map((id) => units.find((u) => u.id === id)?.name ?? id);

  async function remove(task: StudyTaskRecord) {
    setDeleting(null);
    try {
      await api(`/api/tasks/${task.id}`, { method: 'DELETE' });
      onChanged();
      void syncNow();
    } catch (e) {
      setError(errorText.api(e));
    }
  }

  return (
    <Card aria-labelledby="assigned-title">
      <h2 id="assigned-title" className="mb-2 text-lg font-bold">
        {t('assignedTitle')}
      </h2>
      {error ? (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
      {tasks === undefined ? <p role="status">{t('loading')}</p> : tasks.length === 0 ? <p className="text-muted">{t('noTasks')}</p> : null}
      <ul aria-label={t('assignedTitle')} className="flex flex-col">
        {tasks?.map((task) => {
          const names = unitNames(task.orgUnitIds);
          return (
            <li key={task.id} className="flex flex-col gap-2 border-t border-line py-2 first:border-t-0">
              {editing === task.id ? (
                <TaskForm units={units} editing={task} onSaved={() => (setEditing(null), onChanged())} onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <div>
                    <p className="font-medium">{target(task)}</p>
                    <p className="text-sm text-muted">
                      {t('taskWeek', { start: task.weekStart, end: addDays(task.weekStart, 6) })} ·{' '}
                      {task.roles.map((r) => tr(r)).join('、')}
                    </p>
                    <p className="text-sm text-muted">
                      {names.slice(0, 6).join('、')}
                      {names.length > 6 ? ` ${t('orgMore', { count: names.length - 6 })}` : ''}
                      {task.note ? ` · ${task.note}` : ''}
                    </p>
                  </div>
                  {deleting === task.id ? (
                    <div role="group" aria-label={t('deleteTaskConfirm')} className="flex flex-col gap-2">
                      <p className="font-medium text-red-800">{t('deleteTaskConfirm')}</p>
                      <div className="flex gap-2">
                        <Button variant="danger" onClick={() => void remove(task)}>
                          {t('deleteTaskYes')}
                        </Button>
                        <Button variant="secondary" onClick={() => setDeleting(null)}>
                          {t('cancel')}
                        </Button>
                      </div>
                    </div>
                  ) : (
                    <div className="flex gap-2">
                      <Button variant="secondary" onClick={() => setEditing(task.id)}>
                        {t('editTask')}
                      </Button>
                      <Button variant="danger" onClick={() => setDeleting(task.id)}>
                        {t('deleteTask')}
                      </Button>
                    </div>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
