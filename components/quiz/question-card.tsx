'use client';
import { useTranslations } from '@/lib/i18n/client';
import { optionLetter } from '@/lib/quiz/grade';
import type { PaperQuestion, Response } from '@/lib/quiz/types';

export interface QuestionCardProps {
  question: PaperQuestion;
  number: number;
  value: Response | null;
  onChange: (value: Response) => void;
  disabled?: boolean;
}

/** One question with its choices: radio buttons for single and true/false, checkboxes for multiple. */
export function QuestionCard({ question, number, value, onChange, disabled }: QuestionCardProps) {
  const t = useTranslations('quiz');
  const name = `q-${question.id}`;
  const choices: { label: string; checked: boolean; pick: () => Response }[] =
    question.type === 'truefalse'
      ? [
          { label: t('true'), checked: value === true, pick: () => true },
          { label: t('false'), checked: value === false, pick: () => false },
        ]
      : question.options.map((option, i) => {
          const picked = Array.isArray(value) ? value : [];
          return {
            label: `${optionLetter(i)}. ${option}`,
            checked: picked.includes(i),
            pick: () => (question.type === 'multiple' ? (picked.includes(i) ? picked.filter((x) => x !== i) : [...picked, i].sort()) : [i]),
          };
        });
  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled}>
      <legend className="mb-2 font-medium">
        <span className="mr-2 rounded bg-red-50 px-1.5 py-0.5 text-sm text-brand-dark">{t(`type.${question.type}`)}</span>
        {number}. <span data-testid="question-stem">{question.stem}</span>
      </legend>
      {choices.map((c) => (
        <label
          key={c.label}
          className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 ${c.checked ? 'border-brand bg-red-50' : 'border-line bg-surface'}`}
        >
          <input
            type={question.type === 'multiple' ? 'checkbox' : 'radio'}
            name={name}
            className="h-5 w-5 shrink-0"
            checked={c.checked}
            onChange={() => onChange(c.pick())}
          />
          <span>{c.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
