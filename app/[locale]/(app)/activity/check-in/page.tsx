import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { CheckInView } from '@/components/activity/check-in-view';

// A static shell that opens offline: the activity and its code come from ?a=&c= (the QR link).
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <CheckInView />
    </Suspense>
  );
}
