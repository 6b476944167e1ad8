'use client';
import { useErrorText } from '@/lib/i18n/errors';
import { useTranslations } from '@/lib/i18n/client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import { MIN_RANKING_GROUP } from '@/lib/constants';

export interface RankingRow {
  orgUnitId: string;
  name: string;
  audience: number;
  participants: number;
  averageScore: number | null;
}

export interface RankingTableProps {
  rows: RankingRow[];
  /** Villages left out for having fewer than `minGroup` participants. */
  hidden: number;
}

/**
 * Villages ranked by average score, with participation. Never a list of named people, and never a village with
 * fewer than MIN_RANKING_GROUP participants, whose average would be one or two people's scores: the note says so.
 */
export function RankingTable({ rows, hidden }: RankingTableProps) {
  const t = useTranslations('exam');
  return (
    <>
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
      <p className="mt-2 text-sm text-muted">
        {t('rankingSmallGroups', { min: MIN_RANKING_GROUP })}
        {hidden > 0 ? ` ${t('rankingHidden', { count: hidden })}` : ''}
      </p>
    </>
  );
}

/** The learner's view of the village ranking, when the exam shows it; needs a connection. */
export function ExamRanking({ examId }: { examId: string }) {
  const t = useTranslations('exam');
  const errorText = useErrorText();
  const online = useOnlineStatus();
  const [ranking, setRanking] = useState<{ rows: RankingRow[]; hidden: number }>();
  const [error, setError] = useState<string>();
  if (ranking) return <RankingTable rows={ranking.rows} hidden={ranking.hidden} />;
  return (
    <div className="flex flex-col gap-1">
      <Button
        variant="secondary"
        disabled={!online}
        onClick={() =>
          void api<{ ranking: RankingRow[]; hidden: number }>(`/api/exams/${examId}/ranking`)
            .then((d) => setRanking({ rows: d.ranking, hidden: d.hidden }))
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
