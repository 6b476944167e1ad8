import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { LawToc } from '@/components/laws/law-toc';

// A static shell: the law comes from ?law= and its text from the phone, so every law held opens offline.
export default async function LawPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <LawToc />
    </Suspense>
  );
}
