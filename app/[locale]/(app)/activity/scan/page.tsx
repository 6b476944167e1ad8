import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { ScanView } from '@/components/activity/scan-view';

// A static shell that opens offline: the camera and the QR decoder load only on this page.
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <ScanView />
    </Suspense>
  );
}
