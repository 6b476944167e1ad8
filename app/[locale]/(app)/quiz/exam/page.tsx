import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { ExamView } from '@/components/quiz/exam-view';

// A static shell: the exam id comes from ?id= and the paper from the phone, so a downloaded exam opens offline.
export default async function ExamPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <ExamView />
    </Suspense>
  );
}
