'use client';
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { useTranslations } from '@/lib/i18n/client';

/** Admin pages work on live data: offline they say so instead of failing request by request. */
export function OnlineOnly({ children }: { children: ReactNode }) {
  const t = useTranslations('admin');
  return useOnlineStatus() ? <>{children}</> : <EmptyState>{t('onlineOnly')}</EmptyState>;
}
