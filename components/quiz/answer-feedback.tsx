'use client';
import { useTranslations } from '@/lib/i18n/client';
import { articleLabel } from '@/lib/laws/cn-numerals';
import { formatResponse } from '@/lib/quiz/grade';
import type { Basis, Response } from '@/lib/quiz/types';

export interface AnswerFeedbackProps {
  correct: boolean;
  answer?: Response;
  explanation?: string;
  basis?: Basis[];
}

/** Right or wrong, the key, the explanation and the articles it rests on. */
export function AnswerFeedback({ correct, answer, explanation, basis }: AnswerFeedbackProps) {
  const t = useTranslations('quiz');
  const words = { true: t('true'), false: t('false') };
  return (
    <div role="status" className={`flex flex-col gap-2 rounded-lg p-3 ${correct ? 'bg-green-50' : 'bg-red-50'}`}>
      <p className={`font-bold ${correct ? 'text-ok' : 'text-red-800'}`}>{correct ? `✓ ${t('correct')}` : `✗ ${t('wrong')}`}</p>
      {answer !== undefined ? <p>{t('key', { answer: formatResponse(answer, words) })}</p> : null}
      {explanation ? <p className="text-sm">{explanation}</p> : null}
      {basis?.length ? (
        <p className="text-sm text-muted">
          {t('basis')}
          {basis.map((b) => `《${b.law}》${articleLabel(b.article, b.sub)}`).join('、')}
        </p>
      ) : null}
    </div>
  );
}
