'use client';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import type { ExamSummary } from '@/lib/quiz/types';

/** An exam's rules as the learner needs them before starting, including the offline time rule in plain words. */
export function ExamFacts({ exam, used }: { exam: ExamSummary; used: number }) {
  const t = useTranslations('exam');
  const locale = useLocale();
  const when = (s: string) => new Date(s).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Card className="flex flex-col gap-1">
      {exam.description ? <p>{exam.description}</p> : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">{t('windowLabel')}</dt>
        <dd>{t('windowRange', { from: when(exam.opensAt), to: when(exam.closesAt) })}</dd>
        <dt className="text-muted">{t('limitLabel')}</dt>
        <dd>{t('limit', { minutes: exam.timeLimitMinutes, count: exam.questionCount })}</dd>
        <dt className="text-muted">{t('passLabel')}</dt>
        <dd>{t('pass', { mark: exam.passMark })}</dd>
        <dt className="text-muted">{t('attemptsLabel')}</dt>
        <dd>{t('attempts', { used, max: exam.maxAttempts, rule: t(exam.countingRule === 'highest' ? 'ruleHighest' : 'ruleLast') })}</dd>
      </dl>
      <p className="mt-2 text-sm text-muted">{t('offlineRule', { minutes: exam.timeLimitMinutes })}</p>
    </Card>
  );
}
