'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useEffect, useState } from 'react';
import { Card } from '@/components/ui/card';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** How much the phone holds for the app, and whether the browser promised to keep it. */
export function StoragePanel() {
  const t = useTranslations('me');
  const [info, setInfo] = useState<{ usage: number; quota: number; persisted: boolean }>();
  useEffect(() => {
    void (async () => {
      const estimate = await navigator.storage?.estimate?.();
      const persisted = (await navigator.storage?.persisted?.()) ?? false;
      if (estimate) setInfo({ usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted });
    })();
  }, []);
  if (!info) return null;
  return (
    <Card aria-labelledby="storage-title">
      <h2 id="storage-title" className="text-lg font-bold">
        {t('storageTitle')}
      </h2>
      <p>{t('storageUsed', { used: mb(info.usage), quota: mb(info.quota) })}</p>
      <p className="text-sm text-muted">{info.persisted ? t('storagePersisted') : t('storageNotPersisted')}</p>
    </Card>
  );
}
