'use client';
import { useEffect, useState } from 'react';
import { useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import type { ExamSummary } from '@/lib/quiz/types';
import type { ReportFigures } from '@/lib/report/types';
import type { StudyTaskRecord } from '@/lib/study/types';
import { weekStartOf } from '@/lib/study/week';
import { localDate } from '@/lib/quiz/daily';
import { RowLink } from './row-link';

interface Attention {
  tasksThisWeek: number;
  examsOpen: number;
  villagesBehind: string[];
}

/** What needs the administrator's attention: this week's tasks, exams open now, villages with no study this month. */
export function AdminAttentionCard() {
  const t = useTranslations('home');
  const online = useOnlineStatus();
  const [data, setData] = useState<Attention | null>(null);
  useEffect(() => {
    if (!online) return;
    const now = new Date();
    const monthStart = localDate(new Date(now.getFullYear(), now.getMonth(), 1));
    const tomorrow = localDate(new Date(now.getTime() + 86_400_000));
    void Promise.all([
      api<{ tasks: StudyTaskRecord[] }>(`/api/tasks`),
      api<{ exams: ExamSummary[] }>('/api/exams'),
      api<ReportFigures>(`/api/report?from=${monthStart}&to=${tomorrow}`),
    ])
      .then(([tasks, exams, report]) =>
        setData({
          tasksThisWeek: tasks.tasks.filter((x) => x.weekStart === weekStartOf(now)).length,
          examsOpen: exams.exams.filter((e) => new Date(e.opensAt) <= now && now < new Date(e.closesAt)).length,
          villagesBehind: report.byVillage.filter((v) => v.completions === 0).map((v) => v.name),
        }),
      )
      .catch(() => undefined);
  }, [online]);

  return (
    <Card aria-labelledby="attention-title">
      <h2 id="attention-title" className="text-lg font-bold">
        {t('attentionTitle')}
      </h2>
      {!data ? <p className="text-muted">{online ? t('loading') : t('attentionOffline')}</p> : null}
      <ul>
        <li>
          <RowLink href="/admin/tasks">{data ? t('attentionTasks', { count: data.tasksThisWeek }) : t('attentionTasksLink')}</RowLink>
        </li>
        <li className="border-t border-line">
          <RowLink href="/admin/exams">{data ? t('attentionExams', { count: data.examsOpen }) : t('attentionExamsLink')}</RowLink>
        </li>
        <li className="border-t border-line">
          <RowLink href="/report">
            {data
              ? data.villagesBehind.length
                ? t('attentionBehind', { count: data.villagesBehind.length, names: data.villagesBehind.slice(0, 5).join('、') })
                : t('attentionNoneBehind')
              : t('attentionReportLink')}
          </RowLink>
        </li>
      </ul>
    </Card>
  );
}
