import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';

/** A tab whose capability arrives in a later issue: it says so and points to what works today. */
export async function ComingSoon({ tab }: { tab: 'activity' | 'consult' }) {
  const t = await getTranslations('coming');
  const tabs = await getTranslations('tabs');
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-xl font-bold">{tabs(tab)}</h1>
      <EmptyState
        action={
          <Link href="/study" className="inline-flex min-h-11 items-center underline">
            {t('goStudy')}
          </Link>
        }
      >
        {t(tab)}
      </EmptyState>
    </div>
  );
}
