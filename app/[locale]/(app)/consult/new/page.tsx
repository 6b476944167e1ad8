import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { FileForm } from '@/components/consult/file-form';

// A static shell: filing works offline, the villages come from the phone.
export default async function NewConsultPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <FileForm />
    </Suspense>
  );
}
