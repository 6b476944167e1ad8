import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { LessonView } from '@/components/study/lesson-view';

// A static shell: the lesson id comes from ?id= and the text from the phone, so any pulled lesson opens offline.
export default async function LessonPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <LessonView />
    </Suspense>
  );
}
