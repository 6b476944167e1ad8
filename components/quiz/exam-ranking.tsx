'use client';
import { useErrorText } from '@/lib/i18n/errors';
import { useTranslations } from '@/lib/i18n/client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';

export interface RankingRow {
  orgUnitId: string;
  name: string;
  audience: number;
  participants: number;
  averageScore: number | null;
}

/** Villages ranked by average score, with participation. Never a list of named people. */
export function RankingTable({ rows }: { rows: RankingRow[] }) {
  const t = useTranslations('exam');
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="text-left text-muted">
          <th className="py-1">#</th>
          <th>{t('village')}</th>
          <th className="text-right">{t('average')}</th>
          <th className="text-right">{t('participation')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.orgUnitId} className="border-t border-line">
            <td className="py-1">{i + 1}</td>
            <td>{r.name}</td>
            <td className="text-right">{r.averageScore ?? '—'}</td>
            <td className="text-right">
              {r.participants}/{r.audience}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The learner's view of the village ranking, when the exam shows it; needs a connection. */
export function ExamRanking({ examId }: { examId: string }) {
  const t = useTranslations('exam');
  const errorText = useErrorText();
  const online = useOnlineStatus();
  const [rows, setRows] = useState<RankingRow[]>();
  const [error, setError] = useState<string>();
  if (rows) return <RankingTable rows={rows} />;
  return (
    <div className="flex flex-col gap-1">
      <Button
        variant="secondary"
        disabled={!online}
        onClick={() =>
          void api<{ ranking: RankingRow[] }>(`/api/exams/${examId}/ranking`)
            .then((d) => setRows(d.ranking))
            .catch((e: unknown) => setError(errorText.api(e)))
        }
      >
        {t('showRanking')}
      </Button>
      {error ? (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
