import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { LawSearch } from '@/components/laws/law-search';

// Searches the laws on the phone; ?q= carries the query so a search can be linked and reloaded.
export default async function LawSearchPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <LawSearch />
    </Suspense>
  );
}
