'use client';
import { useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { lawHref } from '@/lib/laws/links';
import { LAW_CATEGORIES } from '@/lib/laws/types';
import { SearchForm } from './search-form';
import { useLawLibrary } from './use-law-library';

/** 法规库: the laws by category, each marked as kept on the phone or not; search, bookmarks and offline choice. */
export function LawLibrary() {
  const t = useTranslations('laws');
  const library = useLawLibrary();
  if (!library) return <p role="status">{t('loading')}</p>;
  const groups = LAW_CATEGORIES.map((c) => ({ category: c, laws: library.entries.filter((l) => l.category === c) })).filter(
    (g) => g.laws.length,
  );
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('title')}</h1>
      <SearchForm />
      <nav className="flex flex-wrap gap-x-4 gap-y-2" aria-label={t('title')}>
        <Link href="/laws/bookmarks" className="inline-flex min-h-11 items-center underline">
          ☆ {t('bookmarks')}
        </Link>
        <Link href="/laws/offline" className="inline-flex min-h-11 items-center underline">
          ⤓ {t('offlineTitle')}
        </Link>
      </nav>
      {groups.length === 0 ? <EmptyState>{t('empty')}</EmptyState> : null}
      {groups.map(({ category, laws }) => (
        <Card key={category} aria-labelledby={`cat-${category}`}>
          <h2 id={`cat-${category}`} className="mb-2 text-lg font-bold">
            {t(`category.${category}`)}
          </h2>
          <ul className="flex flex-col divide-y divide-line">
            {laws.map((law) => (
              <li key={law.shortTitle}>
                <Link href={lawHref(law.shortTitle)} className="flex min-h-11 flex-wrap items-center justify-between gap-x-3 py-2">
                  <span className="font-medium">{law.shortTitle}</span>
                  <span className="text-sm text-muted">
                    {t('articleCount', { count: law.articleCount })} · {law.held ? t('onPhone') : t('notOnPhone')}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
