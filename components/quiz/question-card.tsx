'use client';
import { useTranslations } from '@/lib/i18n/client';
import { optionLetter } from '@/lib/quiz/grade';
import type { PaperQuestion, Response } from '@/lib/quiz/types';
import { CheckIcon, CrossIcon } from '@/components/ui/icons';

export interface QuestionCardProps {
  question: PaperQuestion;
  number: number;
  value: Response | null;
  onChange: (value: Response) => void;
  disabled?: boolean;
  /** After the answer is checked: the key, so the list marks the right options and the person's wrong picks. */
  answer?: Response;
}

function isKey(answer: Response, pick: Response): boolean {
  return typeof answer === 'boolean' ? pick === answer : Array.isArray(pick) && pick.length === 1 && answer.includes(pick[0]!);
}

/** One question with its choices: radio buttons for single and true/false, checkboxes for multiple. */
export function QuestionCard({ question, number, value, onChange, disabled, answer }: QuestionCardProps) {
  const t = useTranslations('quiz');
  const name = `q-${question.id}`;
  const choices: { label: string; checked: boolean; pick: () => Response; key?: boolean }[] =
    question.type === 'truefalse'
      ? [
          { label: t('true'), checked: value === true, pick: () => true, key: answer === undefined ? undefined : answer === true },
          { label: t('false'), checked: value === false, pick: () => false, key: answer === undefined ? undefined : answer === false },
        ]
      : question.options.map((option, i) => {
          const picked = Array.isArray(value) ? value : [];
          return {
            label: `${optionLetter(i)}. ${option}`,
            checked: picked.includes(i),
            pick: () => (question.type === 'multiple' ? (picked.includes(i) ? picked.filter((x) => x !== i) : [...picked, i].sort()) : [i]),
            key: answer === undefined ? undefined : isKey(answer, [i]),
          };
        });
  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled}>
      <legend className="mb-2 font-medium">
        <span className="mr-2 rounded bg-red-50 px-1.5 py-0.5 text-sm text-brand-dark">{t(`type.${question.type}`)}</span>
        {number}. <span data-testid="question-stem">{question.stem}</span>
      </legend>
      {choices.map((c) => {
        const wrongPick = c.key === false && c.checked;
        const tone = c.key
          ? 'border-ok bg-green-50'
          : wrongPick
            ? 'border-red-700 bg-red-50'
            : c.checked
              ? 'border-brand bg-red-50'
              : 'border-line bg-surface';
        return (
          <label key={c.label} className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border-2 px-3 py-2 ${tone}`}>
            <input
              type={question.type === 'multiple' ? 'checkbox' : 'radio'}
              name={name}
              className="h-5 w-5 shrink-0"
              checked={c.checked}
              onChange={() => onChange(c.pick())}
            />
            <span className="flex-1">{c.label}</span>
            {c.key ? (
              <span className="inline-flex shrink-0 items-center gap-1 text-sm font-bold text-ok">
                <CheckIcon width="1.1em" height="1.1em" />
                {t('rightOption')}
              </span>
            ) : wrongPick ? (
              <span className="inline-flex shrink-0 items-center gap-1 text-sm font-bold text-red-800">
                <CrossIcon width="1.1em" height="1.1em" />
                {t('wrongPick')}
              </span>
            ) : null}
          </label>
        );
      })}
    </fieldset>
  );
}
