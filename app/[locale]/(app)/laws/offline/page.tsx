import { getTranslations, setRequestLocale } from 'next-intl/server';
import { OfflineLawsPanel } from '@/components/laws/offline-laws-panel';
import { Link } from '@/lib/i18n/navigation';

export default async function OfflineLawsPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('laws');
  return (
    <div className="flex flex-col gap-4">
      <Link href="/laws" className="text-sm text-muted underline">
        ← {t('title')}
      </Link>
      <OfflineLawsPanel />
    </div>
  );
}
