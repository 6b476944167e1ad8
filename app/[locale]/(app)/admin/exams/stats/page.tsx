import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { ExamStatsView } from '@/components/admin/exams/exam-stats';

export default async function ExamStatsPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <ExamStatsView />
    </Suspense>
  );
}
