import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { ModuleView } from '@/components/study/module-view';

// A static shell: the module id comes from ?id= and the content from the phone, so it opens offline.
export default async function ModulePage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <ModuleView />
    </Suspense>
  );
}
