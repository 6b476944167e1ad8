'use client';
import { useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { SearchForm } from '@/components/laws/search-form';

/** The law search box, on the home screen so a question in the field is one step away. */
export function LawSearchCard() {
  const t = useTranslations('home');
  return (
    <Card aria-labelledby="law-search-title">
      <h2 id="law-search-title" className="mb-2 text-lg font-bold">
        {t('lawSearchTitle')}
      </h2>
      <SearchForm />
    </Card>
  );
}
