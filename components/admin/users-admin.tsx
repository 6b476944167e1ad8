'use client';
import { useTranslations } from '@/lib/i18n/client';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { UsersPanel } from './users-panel';
import { useOrgUnits } from './use-org-units';

/** 管理 → 用户. Works on live data, so it needs a connection and says so. */
export function UsersAdmin() {
  const t = useTranslations('admin');
  const online = useOnlineStatus();
  const units = useOrgUnits();
  if (!online) return <EmptyState>{t('onlineOnly')}</EmptyState>;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('sections.users')}</h1>
      <UsersPanel units={units} />
    </div>
  );
}
