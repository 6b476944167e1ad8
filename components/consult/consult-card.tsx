'use client';
import { isOverdue } from '@/lib/consult/deadline';
import type { ConsultRecord } from '@/lib/consult/types';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Link } from '@/lib/i18n/navigation';
import { StatusBadges } from './status-badge';

/** One request in a list: category, village, what it is about (when readable), deadline and status. */
export function ConsultCard({ c }: { c: ConsultRecord }) {
  const t = useTranslations('consult');
  const locale = useLocale();
  const overdue = isOverdue(c, new Date().toISOString());
  const date = new Date(c.filedAt).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en');
  return (
    <li className={`rounded-xl border bg-surface p-3 shadow-sm ${overdue ? 'border-red-700 border-l-4' : 'border-line'}`}>
      <Link href={`/consult/item?id=${c.id}`} className="flex flex-col gap-1">
        <span className="flex flex-wrap items-baseline justify-between gap-2">
          <strong>
            {t(`category.${c.category}`)} · {c.villageName}
          </strong>
          <span className="text-sm text-muted">{date}</span>
        </span>
        {c.full ? (
          <span className="line-clamp-2 break-words">{c.anonymised ? t('anonymised') : c.description}</span>
        ) : (
          <span className="text-muted">{t('stubNote')}</span>
        )}
        <span className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <StatusBadges c={c} />
          <span className={overdue ? 'font-bold text-red-800' : 'text-muted'}>{t('deadline', { date: c.deadline })}</span>
        </span>
        {c.channel !== 'app' ? <span className="text-sm text-muted">{t(`channel.${c.channel}`)}</span> : null}
      </Link>
    </li>
  );
}
