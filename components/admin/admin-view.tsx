'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import type { OrgOption } from './org-select';
import { TaskForm } from './task-form';
import { UsersPanel } from './users-panel';

/** 管理: users and weekly tasks. It works on live data, so it needs a connection and says so. */
export function AdminView() {
  const t = useTranslations('admin');
  const online = useOnlineStatus();
  const [units, setUnits] = useState<OrgOption[]>([]);
  useEffect(() => {
    if (online) void api<{ orgUnits: OrgOption[] }>('/api/org-units').then((d) => setUnits(d.orgUnits)).catch(() => undefined);
  }, [online]);
  if (!online) return <EmptyState>{t('onlineOnly')}</EmptyState>;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('title')}</h1>
      <TaskForm units={units} />
      <UsersPanel units={units} />
    </div>
  );
}
