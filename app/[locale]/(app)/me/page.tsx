import { setRequestLocale } from 'next-intl/server';
import { ProfilePanel } from '@/components/me/profile-panel';
import { StoragePanel } from '@/components/me/storage-panel';
import { SyncPanel } from '@/components/me/sync-panel';

export default async function MePage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <div className="flex flex-col gap-4">
      <ProfilePanel />
      <SyncPanel />
      <StoragePanel />
    </div>
  );
}
