'use client';
import { useErrorText } from '@/lib/i18n/errors';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useCallback, useEffect, useState } from 'react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import { Link } from '@/lib/i18n/navigation';
import type { ExamSummary } from '@/lib/quiz/types';
import type { OrgOption } from '../org-select';
import { ExamForm } from './exam-form';
import type { ExamBank } from './paper-field';

type ExamItem = ExamSummary & { participants: number; attempts: number };

/** 考试管理: every exam with its participation, a link to its statistics, and the form to create one. Online only. */
export function ExamAdmin() {
  const t = useTranslations('examAdmin');
  const errorText = useErrorText();
  const locale = useLocale();
  const online = useOnlineStatus();
  const [exams, setExams] = useState<ExamItem[]>();
  const [units, setUnits] = useState<OrgOption[]>([]);
  const [bank, setBank] = useState<ExamBank>({ questions: [], tags: [] });
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    api<{ exams: ExamItem[] }>('/api/exams')
      .then((d) => setExams(d.exams))
      .catch((e: unknown) => setError(errorText.api(e)));
  }, [errorText]);
  useEffect(() => {
    if (!online) return;
    load();
    void api<{ orgUnits: OrgOption[] }>('/api/org-units')
      .then((d) => setUnits(d.orgUnits))
      .catch(() => undefined);
    void api<ExamBank>('/api/quiz/bank')
      .then(setBank)
      .catch(() => undefined);
  }, [online, load]);
  if (!online) return <EmptyState>{t('onlineOnly')}</EmptyState>;
  const when = (s: string) => new Date(s).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('pageTitle')}</h1>
      {error ? (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
      <Card aria-labelledby="exam-list-title">
        <h2 id="exam-list-title" className="text-lg font-bold">
          {t('listTitle')}
        </h2>
        {exams === undefined ? <p role="status">{t('loading')}</p> : exams.length === 0 ? <p className="text-muted">{t('none')}</p> : null}
        <ul className="mt-2 flex flex-col">
          {exams?.map((e) => (
            <li key={e.id} className="border-t border-line py-2 first:border-t-0">
              <Link href={`/admin/exams/stats?id=${e.id}`} className="inline-flex min-h-11 items-center font-medium underline">
                {e.title}
              </Link>
              <p className="text-sm text-muted">
                {when(e.opensAt)} – {when(e.closesAt)} · {t('participants', { participants: e.participants, attempts: e.attempts })}
              </p>
            </li>
          ))}
        </ul>
      </Card>
      <ExamForm units={units} bank={bank} onCreated={load} />
    </div>
  );
}
