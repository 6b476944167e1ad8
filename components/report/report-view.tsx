'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useEffect, useState } from 'react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import type { ReportFigures as Figures } from '@/lib/report/types';

/** The report's figures for the admin's own unit, this year, each counted from records. */
export function ReportView() {
  const t = useTranslations('report');
  const online = useOnlineStatus();
  const [figures, setFigures] = useState<Figures>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (online)
      api<Figures>('/api/report')
        .then(setFigures)
        .catch((e: unknown) => setError(String(e instanceof Error ? e.message : e)));
  }, [online]);
  if (!online) return <EmptyState>{t('onlineOnly')}</EmptyState>;
  if (error) return <p role="alert">{error}</p>;
  if (!figures) return <p role="status">…</p>;
  const tiles: [string, string | number][] = [
    [t('legalLiterate'), figures.legalLiterate],
    [t('villagesCovered'), `${figures.villagesCovered}/${figures.villages}`],
    [t('hamletsCovered'), `${figures.hamletsCovered}/${figures.hamlets}`],
    [t('learners'), figures.learners],
    [t('completions'), figures.completions],
    [t('studyHours'), figures.studyHours],
  ];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('title')}</h1>
      <p className="text-sm text-muted">
        {t('intro')} {figures.from} – {figures.to}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {tiles.map(([label, value]) => (
          <Card key={label}>
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </Card>
        ))}
      </dl>
      <Card>
        <h2 className="font-bold">{t('byVillage')}</h2>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr>
                <th className="py-1">{t('village')}</th>
                <th>{t('legalLiterate')}</th>
                <th>{t('hamletsCovered')}</th>
                <th>{t('completions')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.byVillage.map((v) => (
                <tr key={v.id} className="border-t border-line">
                  <td className="py-1">{v.name}</td>
                  <td>{v.legalLiterate}</td>
                  <td>
                    {v.hamletsCovered}/{v.hamlets}
                  </td>
                  <td>{v.completions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card aria-labelledby="report-method">
        <h2 id="report-method" className="font-bold">
          {t('methodTitle')}
        </h2>
        <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-sm">
          {(['methodLegalLiterate', 'methodLearners', 'methodStudyTime', 'methodDates'] as const).map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
