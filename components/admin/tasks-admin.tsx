'use client';
import { useCallback, useEffect, useState } from 'react';
import { useTranslations } from '@/lib/i18n/client';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import type { StudyTaskRecord } from '@/lib/study/types';
import { TaskForm } from './task-form';
import { TaskList } from './task-list';
import { useOrgUnits } from './use-org-units';

/** 管理 → 任务: assign a weekly task, and the tasks assigned so far with edit and delete. Works on live data. */
export function TasksAdmin() {
  const t = useTranslations('admin');
  const online = useOnlineStatus();
  const units = useOrgUnits();
  const [tasks, setTasks] = useState<StudyTaskRecord[]>();
  const load = useCallback(() => {
    void api<{ tasks: StudyTaskRecord[] }>('/api/tasks')
      .then((d) => setTasks(d.tasks))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    if (online) load();
  }, [online, load]);
  if (!online) return <EmptyState>{t('onlineOnly')}</EmptyState>;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('sections.tasks')}</h1>
      <TaskForm units={units} onSaved={load} />
      <TaskList tasks={tasks} units={units} onChanged={load} />
    </div>
  );
}
