import { getTranslations, setRequestLocale } from 'next-intl/server';
import { InstallPanel } from '@/components/me/install-panel';
import { LanguagePanel } from '@/components/me/language-panel';
import { PersonalCode } from '@/components/activity/personal-code';
import { ProfilePanel } from '@/components/me/profile-panel';
import { StoragePanel } from '@/components/me/storage-panel';
import { SyncPanel } from '@/components/me/sync-panel';
import { Link } from '@/lib/i18n/navigation';

export default async function MePage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('laws');
  return (
    <div className="flex flex-col gap-4">
      <ProfilePanel />
      <PersonalCode />
      <SyncPanel />
      <StoragePanel />
      <LanguagePanel />
      <InstallPanel />
      <Link
        href="/laws/offline"
        className="flex min-h-11 items-center justify-between rounded-xl border border-line bg-surface p-4 shadow-sm hover:border-brand"
      >
        <span className="font-bold">{t('offlineTitle')}</span>
        <span className="text-sm text-muted">{t('offlineLink')} →</span>
      </Link>
    </div>
  );
}
