import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { ConsultDetail } from '@/components/consult/consult-detail';

// A static shell: the request id comes from ?id= and the request from the phone, so a pulled reply reads offline.
export default async function ConsultItemPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <ConsultDetail />
    </Suspense>
  );
}
