import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { ActivityForm } from '@/components/activity/activity-form';

// A static shell that opens offline: the activity (when editing) comes from ?id= and the phone.
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <ActivityForm />
    </Suspense>
  );
}
