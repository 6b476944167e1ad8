'use client';
import type { ConsultMessage } from '@/lib/consult/types';
import { useLocale, useTranslations } from '@/lib/i18n/client';

/** The reply thread: replies, follow-ups, referrals, assignment and resolution, oldest first. */
export function Thread({ messages }: { messages: ConsultMessage[] }) {
  const t = useTranslations('consult');
  const locale = useLocale();
  if (!messages.length) return <p className="text-muted">{t('noReplies')}</p>;
  return (
    <ol aria-label={t('thread')} className="flex flex-col gap-2">
      {messages.map((m) => (
        <li
          key={m.id}
          className={`rounded-xl border p-3 ${m.kind === 'followup' ? 'border-line bg-surface' : 'border-brand/40 bg-brand/5'}`}
        >
          <p className="text-sm text-muted">
            {m.mine ? t('you') : m.authorName} · {t(`kind.${m.kind}`)}
            {m.referral ? ` · ${t(`referral.${m.referral}`)}` : ''} ·{' '}
            {new Date(m.at).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'short', timeStyle: 'short' })}
            {m.waiting ? ` · ${t('waitingSync')}` : ''}
          </p>
          {m.body ? <p className="mt-1 whitespace-pre-wrap break-words">{m.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}
