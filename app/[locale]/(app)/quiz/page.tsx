import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';

// This capability arrives in a later issue; until then the tab says so and points to what works today.
export default async function QuizPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('coming');
  const tabs = await getTranslations('tabs');
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-xl font-bold">{tabs('quiz')}</h1>
      <EmptyState action={<Link href="/study" className="underline">{t('goStudy')}</Link>}>{t('quiz')}</EmptyState>
    </div>
  );
}
