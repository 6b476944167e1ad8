import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { ActivityDetail } from '@/components/activity/activity-detail';

// A static shell that opens offline: the activity comes from ?id= and the phone.
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <ActivityDetail />
    </Suspense>
  );
}
