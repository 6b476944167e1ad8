'use client';
import { useErrorText } from '@/lib/i18n/errors';
import { useTranslations } from '@/lib/i18n/client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import { saveReview } from '@/lib/local/exam';
import type { LocalAttempt } from '@/lib/quiz/local-types';
import type { ReviewItem } from '@/lib/quiz/types';
import { AnswerFeedback } from './answer-feedback';
import { QuestionCard } from './question-card';

/** The review of a graded attempt after the exam closed: fetched once online, then kept on the phone. */
export function ExamReview({ attempt }: { attempt: LocalAttempt }) {
  const t = useTranslations('exam');
  const errorText = useErrorText();
  const online = useOnlineStatus();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(false);

  async function load() {
    setOpen(true);
    if (attempt.review) return;
    try {
      const data = await api<{ review: ReviewItem[] }>(`/api/exams/review?attemptId=${attempt.id}`);
      await saveReview(attempt.id, data.review);
    } catch (e) {
      setError(errorText.api(e));
    }
  }

  if (!open) {
    return (
      <Button variant="secondary" disabled={!online && !attempt.review} onClick={() => void load()}>
        {t('review', { n: attempt.result?.attemptNo ?? 1 })}
      </Button>
    );
  }
  if (error)
    return (
      <p role="alert" className="text-red-800">
        {error}
      </p>
    );
  if (!attempt.review) return <p role="status">{t('loading')}</p>;
  return (
    <div className="flex flex-col gap-3">
      {attempt.review.map((item, i) => (
        <Card key={item.question.id} className="flex flex-col gap-2">
          <QuestionCard
            question={item.question}
            number={i + 1}
            value={item.response}
            onChange={() => undefined}
            disabled
            answer={item.answer}
          />
          <AnswerFeedback correct={item.correct} answer={item.answer} explanation={item.explanation} basis={item.basis} />
        </Card>
      ))}
    </div>
  );
}
