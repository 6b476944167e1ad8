'use client';
import { isOverdue } from '@/lib/consult/deadline';
import type { ConsultRecord } from '@/lib/consult/types';
import { useTranslations } from '@/lib/i18n/client';

/** Status, overdue and waiting-to-sync marks of a request, in words (never colour alone). */
export function StatusBadges({ c }: { c: ConsultRecord }) {
  const t = useTranslations('consult');
  const overdue = isOverdue(c, new Date().toISOString());
  return (
    <span className="flex flex-wrap gap-1 text-sm">
      <span className="rounded bg-gray-100 px-2 py-0.5 text-ink">{t(`status.${c.status}`)}</span>
      {overdue ? <span className="rounded bg-red-700 px-2 py-0.5 font-bold text-white">{t('overdue')}</span> : null}
      {c.waiting ? <span className="rounded border border-amber-600 px-2 py-0.5 text-amber-900">{t('waitingSync')}</span> : null}
    </span>
  );
}
