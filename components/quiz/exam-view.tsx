'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useErrorText } from '@/lib/i18n/errors';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useSearchParams } from 'next/navigation';
import { lazy, Suspense, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { examState } from '@/lib/quiz/exam-state';
import type { ExamPaper, ExamSummary } from '@/lib/quiz/types';
import { syncNow } from '@/lib/sync/engine';
import { AttemptList } from './attempt-list';
import { ExamFacts } from './exam-facts';
import { ExamRanking } from './exam-ranking';

// The answering screen, the review and the exam writer load when they are needed, not with the exam list.
const ExamAttempt = lazy(() => import('./exam-attempt').then((m) => ({ default: m.ExamAttempt })));
const ExamReview = lazy(() => import('./exam-review').then((m) => ({ default: m.ExamReview })));
const loadExam = () => import('@/lib/local/exam');

/** One formal exam: its rules, downloading the paper (online), taking it (offline), and the results. */
export function ExamView() {
  const t = useTranslations('exam');
  const errorText = useErrorText();
  const locale = useLocale();
  const online = useOnlineStatus();
  const id = useSearchParams().get('id') ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const data = useLiveQuery(async () => {
    const db = localDb();
    const [exam, papers, attempts, rejected] = await Promise.all([
      db.exams.get(id),
      db.examPapers.where('examId').equals(id).toArray(),
      db.examAttempts.where('examId').equals(id).toArray(),
      db.outbox
        .where('status')
        .equals('rejected')
        .filter((op) => op.type === 'exam.submit')
        .toArray(),
    ]);
    return { exam: exam ?? null, papers, attempts, rejected };
  }, [id]);

  if (!data) return <p role="status">{t('loading')}</p>;
  const back = (
    <Link href="/quiz" className="inline-flex min-h-11 items-center self-start text-muted underline">
      ← {t('back')}
    </Link>
  );
  if (!data.exam) return <EmptyState action={back}>{t('notFound')}</EmptyState>;
  const exam = data.exam;
  const state = examState(exam, data.attempts, new Date());
  const paperFor = (paperId: string) => data.papers.find((p) => p.id === paperId);
  const freshPaper = data.papers.find((p) => !data.attempts.some((a) => a.paperId === p.id));
  const activePaper = state.inProgress ? paperFor(state.inProgress.paperId) : undefined;
  if (state.inProgress && activePaper)
    return (
      <Suspense fallback={<p role="status">{t('loading')}</p>}>
        <ExamAttempt exam={exam} paper={activePaper} attempt={state.inProgress} />
      </Suspense>
    );

  async function download() {
    setBusy(true);
    setError(undefined);
    try {
      await syncNow(); // an earlier attempt must reach the server before it issues the next paper
      await (
        await loadExam()
      ).savePaper(await api<{ exam: ExamSummary; paper: ExamPaper; serverNow: string }>(`/api/exams/${id}/paper`, { method: 'POST' }));
    } catch (e) {
      setError(errorText.api(e));
    } finally {
      setBusy(false);
    }
  }

  const when = (s: string) => new Date(s).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'short', timeStyle: 'short' });
  const canTake = state.window === 'open' && state.attemptsLeft > 0;
  return (
    <div className="flex flex-col gap-3">
      {back}
      <h1 className="text-xl font-bold">{exam.title}</h1>
      <ExamFacts exam={exam} used={state.used} />
      <AttemptList attempts={data.attempts} rejected={data.rejected} />
      {state.counted ? (
        <p className="font-medium">
          {t('counted', { rule: t(exam.countingRule === 'highest' ? 'ruleHighest' : 'ruleLast'), score: state.counted.score })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {error}
        </p>
      ) : null}
      {state.window !== 'open' ? <p className="text-muted">{t(`window.${state.window}`)}</p> : null}
      {canTake && freshPaper ? (
        <Card className="flex flex-col gap-2">
          <p className="text-sm text-muted">
            {t('paperReady', { time: when(freshPaper.downloadedAt), count: freshPaper.questions.length })}
          </p>
          <Button onClick={() => void loadExam().then((m) => m.startAttempt(freshPaper.id))}>
            {t('start', { minutes: exam.timeLimitMinutes })}
          </Button>
        </Card>
      ) : canTake ? (
        <Card className="flex flex-col gap-2">
          <p className="text-sm text-muted">{online ? t('downloadHint') : t('downloadOffline')}</p>
          <Button onClick={() => void download()} disabled={!online || busy}>
            {state.used > 0 ? t('downloadAgain') : t('download')}
          </Button>
        </Card>
      ) : null}
      {state.window === 'closed' && exam.review !== 'none'
        ? data.attempts
            .filter((a) => a.status === 'graded')
            .map((a) => (
              <Suspense key={a.id} fallback={null}>
                <ExamReview attempt={a} />
              </Suspense>
            ))
        : null}
      {exam.showRanking ? <ExamRanking examId={exam.id} /> : null}
    </div>
  );
}
