'use client';
import { useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';

export interface QuestionRow {
  questionId: string;
  stem: string;
  type: string;
  attempts: number;
  facility: number | null;
  discrimination: number | null;
}

// Moodle's guidance: a discrimination index under 30% is weak, a negative one suggests a confusing or wrong key.
const WEAK_DISCRIMINATION = 0.3;
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** Per-question facility and discrimination, the least discriminating first, so confusing questions surface. */
export function QuestionStatsTable({ rows }: { rows: QuestionRow[] }) {
  const t = useTranslations('examAdmin');
  const sorted = [...rows].sort((a, b) => (a.discrimination ?? 2) - (b.discrimination ?? 2));
  const flag = (r: QuestionRow) =>
    r.discrimination !== null && r.discrimination < 0
      ? t('flagNegative')
      : r.discrimination !== null && r.discrimination < WEAK_DISCRIMINATION
        ? t('flagWeak')
        : r.facility !== null && r.facility < 0.2
          ? t('flagHard')
          : r.facility !== null && r.facility > 0.95
            ? t('flagEasy')
            : '';
  return (
    <Card aria-labelledby="questions-title">
      <h2 id="questions-title" className="text-lg font-bold">
        {t('questions')}
      </h2>
      <p className="text-sm text-muted">{t('questionsNote')}</p>
      <ul className="mt-2 flex flex-col">
        {sorted.map((r) => (
          <li key={r.questionId} className="border-t border-line py-2 first:border-t-0">
            <p className="text-sm">
              <span className="text-muted">{r.questionId}</span> {r.stem}
            </p>
            <p className="text-sm">
              {t('facility')} {pct(r.facility)} · {t('discrimination')} {pct(r.discrimination)} · {t('n', { count: r.attempts })}
              {flag(r) ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-warn">{flag(r)}</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
