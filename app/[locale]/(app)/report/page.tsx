import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { AnnualReport } from '@/components/report/annual-report';

export default async function ReportPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense fallback={<p role="status">…</p>}>
      <AnnualReport />
    </Suspense>
  );
}
