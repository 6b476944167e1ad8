'use client';
import { useErrorText } from '@/lib/i18n/errors';
import { useTranslations } from '@/lib/i18n/client';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { RankingTable } from '@/components/quiz/exam-ranking';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import { Link } from '@/lib/i18n/navigation';
import type { ExamStats as Stats } from '@/lib/quiz/stats-types';
import { QuestionStatsTable } from './question-stats-table';

const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '—');

/** One exam's statistics for administrators: participation, pass rate, distribution, villages, questions. */
export function ExamStatsView() {
  const t = useTranslations('examAdmin');
  const errorText = useErrorText();
  const online = useOnlineStatus();
  const id = useSearchParams().get('id') ?? '';
  const [stats, setStats] = useState<Stats>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (online && id)
      void api<Stats>(`/api/exams/${id}/stats`)
        .then(setStats)
        .catch((e: unknown) => setError(errorText.api(e)));
  }, [online, id, errorText]);
  if (!online) return <EmptyState>{t('onlineOnly')}</EmptyState>;
  if (error)
    return (
      <p role="alert" className="text-red-800">
        {error}
      </p>
    );
  if (!stats) return <p role="status">{t('loading')}</p>;
  const top = Math.max(1, ...stats.distribution);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/exams" className="inline-flex min-h-11 items-center self-start text-muted underline">
        ← {t('pageTitle')}
      </Link>
      <h1 className="text-xl font-bold">{stats.exam.title}</h1>
      <Card aria-labelledby="overview-title">
        <h2 id="overview-title" className="text-lg font-bold">
          {t('overview')}
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-2 text-center sm:grid-cols-4">
          {[
            ['participants', t('participantsLabel'), `${stats.participants}/${stats.audience}`],
            ['attempts', t('attemptsLabel'), String(stats.attempts)],
            ['pass-rate', t('passRate'), pct(stats.passed, stats.participants)],
            ['average', t('averageScore'), stats.averageScore === null ? '—' : String(stats.averageScore)],
          ].map(([key, label, value]) => (
            <div key={key} className="rounded-lg bg-page p-2">
              <dt className="text-sm text-muted">{label}</dt>
              <dd data-testid={`stat-${key}`} className="text-2xl font-bold">
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card aria-labelledby="distribution-title">
        <h2 id="distribution-title" className="text-lg font-bold">
          {t('distribution')}
        </h2>
        <ol className="mt-2 flex flex-col gap-1 text-sm">
          {stats.distribution.map((n, i) => (
            <li key={i} className="grid grid-cols-[4.5rem_1fr_2rem] items-center gap-2">
              <span className="text-muted">{i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`}</span>
              <span
                className="h-4 rounded bg-brand"
                style={{ width: `${(100 * n) / top}%`, minWidth: n ? '0.25rem' : 0 }}
                aria-hidden="true"
              />
              <span className="text-right">{n}</span>
            </li>
          ))}
        </ol>
      </Card>
      <Card aria-labelledby="units-title">
        <h2 id="units-title" className="text-lg font-bold">
          {t('byUnit')}
        </h2>
        <table className="mt-2 w-full text-sm">
          <thead>
            <tr className="text-left text-muted">
              <th className="py-1">{t('unit')}</th>
              <th className="text-right">{t('participantsLabel')}</th>
              <th className="text-right">{t('passRate')}</th>
              <th className="text-right">{t('averageScore')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.byUnit.map((u) => (
              <tr key={u.orgUnitId} className="border-t border-line">
                <td className="py-1">{u.name}</td>
                <td className="text-right">
                  {u.participants}/{u.audience}
                </td>
                <td className="text-right">{pct(u.passed, u.participants)}</td>
                <td className="text-right">{u.averageScore ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card aria-labelledby="ranking-title">
        <h2 id="ranking-title" className="text-lg font-bold">
          {t('ranking')}
        </h2>
        <RankingTable rows={stats.ranking} hidden={stats.rankingHidden} />
      </Card>
      <QuestionStatsTable rows={stats.questions} />
    </div>
  );
}
