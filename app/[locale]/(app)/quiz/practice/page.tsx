import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { PracticeView } from '@/components/quiz/practice-view';

// A static shell: what to practise comes from the query and the questions from the phone, so it opens offline.
export default async function PracticePage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <PracticeView />
    </Suspense>
  );
}
