'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTranslations } from '@/lib/i18n/client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { localDb } from '@/lib/local/db';
import { isQuotaError } from '@/lib/local/errors';
import { recordPracticeAnswer, type AnswerMode } from '@/lib/local/quiz';
import type { Response } from '@/lib/quiz/types';
import { syncSoon } from '@/lib/sync/soon';
import { AnswerFeedback } from './answer-feedback';
import { QuestionCard } from './question-card';

export interface PracticeRunnerProps {
  questionIds: string[];
  mode: AnswerMode;
  /** Answers already given (today's daily set): those questions show their feedback and are not asked again. */
  answered?: Record<string, { response: Response; correct: boolean }>;
  onAnswered?: () => void;
  onFinish?: () => void;
}

/** Asks questions one at a time from the phone's practice bank, checks each answer at once, explains it, moves on. */
export function PracticeRunner({ questionIds, mode, answered = {}, onAnswered, onFinish }: PracticeRunnerProps) {
  const t = useTranslations('quiz');
  const [index, setIndex] = useState(() =>
    Math.max(
      0,
      questionIds.findIndex((id) => !answered[id]),
    ),
  );
  const [value, setValue] = useState<Response | null>(null);
  const [result, setResult] = useState<boolean | null>(null);
  const [error, setError] = useState<string>();
  const [score, setScore] = useState({ right: 0, total: 0 });
  const id = questionIds[index];
  const question = useLiveQuery(async () => (id ? ((await localDb().questions.get(id)) ?? null) : null), [id]);

  if (question === undefined) return <p role="status">{t('loading')}</p>;
  if (!question) return null;
  const earlier = answered[question.id];
  const shown = result ?? earlier?.correct ?? null;
  const last = index >= questionIds.length - 1;

  async function submit() {
    if (!question || value === null) return;
    onAnswered?.();
    try {
      const correct = await recordPracticeAnswer(question, value, mode);
      setResult(correct);
      setScore((s) => ({ right: s.right + (correct ? 1 : 0), total: s.total + 1 }));
      syncSoon();
    } catch (e) {
      setError(isQuotaError(e) ? t('quotaError') : String(e));
    }
  }

  function next() {
    if (last) return onFinish?.();
    setIndex(index + 1);
    setValue(null);
    setResult(null);
  }

  return (
    <Card className="flex flex-col gap-3">
      <p className="text-sm text-muted">{t('progress', { current: index + 1, total: questionIds.length })}</p>
      <QuestionCard
        question={question}
        number={index + 1}
        value={earlier?.response ?? value}
        onChange={setValue}
        disabled={shown !== null}
        answer={shown !== null ? question.answer : undefined}
      />
      {shown !== null ? (
        <AnswerFeedback correct={shown} answer={question.answer} explanation={question.explanation} basis={question.basis} />
      ) : null}
      {error ? (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
      {shown === null ? (
        <Button onClick={() => void submit()} disabled={value === null || (Array.isArray(value) && value.length === 0)}>
          {t('submit')}
        </Button>
      ) : (
        <Button onClick={next}>{last ? t('finish') : t('next')}</Button>
      )}
      {score.total > 0 ? <p className="text-sm text-muted">{t('sessionScore', score)}</p> : null}
    </Card>
  );
}
