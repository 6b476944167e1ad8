'use client';
import { useTranslations } from '@/lib/i18n/client';
import { articleLabel } from '@/lib/laws/cn-numerals';
import { articleHref } from '@/lib/laws/links';
import { Link } from '@/lib/i18n/navigation';
import { formatResponse } from '@/lib/quiz/grade';
import type { Basis, Response } from '@/lib/quiz/types';
import { CheckIcon, CrossIcon } from '@/components/ui/icons';

export interface AnswerFeedbackProps {
  correct: boolean;
  answer?: Response;
  explanation?: string;
  basis?: Basis[];
  /** Only the key, explanation and basis (the 错题本 shows them without a verdict). */
  plain?: boolean;
}

/** Right or wrong, the key, the explanation at reading size, and links to the articles it rests on (read offline). */
export function AnswerFeedback({ correct, answer, explanation, basis, plain }: AnswerFeedbackProps) {
  const t = useTranslations('quiz');
  const words = { true: t('true'), false: t('false') };
  return (
    <div role={plain ? undefined : 'status'} className={`flex flex-col gap-2 rounded-lg p-3 ${correct ? 'bg-green-50' : 'bg-red-50'}`}>
      {plain ? null : (
        <p className={`inline-flex items-center gap-1 font-bold ${correct ? 'text-ok' : 'text-red-800'}`}>
          {correct ? <CheckIcon width="1.2em" height="1.2em" /> : <CrossIcon width="1.2em" height="1.2em" />}
          {correct ? t('correct') : t('wrong')}
        </p>
      )}
      {answer !== undefined ? <p>{t('key', { answer: formatResponse(answer, words) })}</p> : null}
      {explanation ? <p className="leading-relaxed">{explanation}</p> : null}
      {basis?.length ? (
        <div>
          <p className="font-medium">{t('basis')}</p>
          <ul className="flex flex-wrap gap-x-3">
            {basis.map((b) => {
              const label = `《${b.law}》${articleLabel(b.article, b.sub)}`;
              return (
                <li key={label}>
                  <Link href={articleHref(b.law, b.article, b.sub)} className="inline-flex min-h-11 items-center text-brand-dark underline">
                    {label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
