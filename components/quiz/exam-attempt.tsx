'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { saveExamAnswer, serverNow, submitAttempt } from '@/lib/local/exam';
import type { LocalAttempt, LocalPaper } from '@/lib/quiz/local-types';
import { deadlineOf } from '@/lib/quiz/time-rule';
import type { ExamSummary } from '@/lib/quiz/types';
import { syncSoon } from '@/lib/sync/soon';
import { QuestionCard } from './question-card';

export interface ExamAttemptProps {
  exam: ExamSummary;
  paper: LocalPaper;
  attempt: LocalAttempt;
}

function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Taking an exam, offline or not: answers are saved as they are given; time's up submits what is there. */
export function ExamAttempt({ exam, paper, attempt }: ExamAttemptProps) {
  const t = useTranslations('exam');
  const [now, setNow] = useState(() => serverNow(paper.clockOffsetMs).getTime());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  // Shown at once; each answer is also written to the phone's store, where it survives a reload.
  const [answers, setAnswers] = useState(attempt.answers);
  const submitted = useRef(false);
  const deadline = deadlineOf(attempt.startedAt, exam.timeLimitMinutes, exam.closesAt);
  const left = deadline - now;
  const timeUp = left <= 0;

  const submit = async () => {
    if (submitted.current) return;
    submitted.current = true;
    try {
      await submitAttempt(attempt.id, exam.title);
      syncSoon();
    } catch (e) {
      submitted.current = false;
      setError(String(e));
    }
  };

  // Each tick reads the clock; once time is up (also when the app reopens after the deadline) it submits.
  useEffect(() => {
    const timer = setInterval(() => {
      const current = serverNow(paper.clockOffsetMs).getTime();
      setNow(current);
      if (current >= deadline) void submit();
    }, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paper.clockOffsetMs, deadline]);

  const unanswered = paper.questions.filter((q) => answers[q.id] === undefined).length;
  return (
    <div className="flex flex-col gap-3">
      <div className="sticky top-14 z-30 flex items-center justify-between rounded-lg border border-line bg-surface px-3 py-2 shadow-sm">
        <span className="font-medium">{exam.title}</span>
        <span role="timer" aria-label={t('timeLeft')} className={`font-mono text-lg font-bold ${left < 60_000 ? 'text-red-800' : ''}`}>
          {clock(left)}
        </span>
      </div>
      {paper.questions.map((q, i) => (
        <Card key={q.id}>
          <QuestionCard
            question={q}
            number={i + 1}
            value={answers[q.id] ?? null}
            onChange={(v) => {
              setAnswers((a) => ({ ...a, [q.id]: v }));
              void saveExamAnswer(attempt.id, q.id, v);
            }}
            disabled={timeUp}
          />
        </Card>
      ))}
      {error ? (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
      <Card className="flex flex-col gap-2">
        <p>{t('answered', { done: paper.questions.length - unanswered, total: paper.questions.length })}</p>
        {confirming ? (
          <>
            <p className="font-medium">{unanswered ? t('confirmUnanswered', { count: unanswered }) : t('confirm')}</p>
            <Button onClick={() => void submit()}>{t('confirmSubmit')}</Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('keepGoing')}
            </Button>
          </>
        ) : (
          <Button onClick={() => setConfirming(true)}>{t('submit')}</Button>
        )}
      </Card>
    </div>
  );
}
