'use client';
import { useSyncExternalStore } from 'react';
import { useTranslations } from '@/lib/i18n/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { canInstall, install, isStandalone, isWeChat, subscribeInstall } from '@/lib/install';

/** 安装到桌面: the browser's own install dialog when it offers one, otherwise how to add the app by hand. */
export function InstallPanel() {
  const t = useTranslations('install');
  const offered = useSyncExternalStore(subscribeInstall, canInstall, () => false);
  const standalone = useSyncExternalStore(
    () => () => undefined,
    isStandalone,
    () => false,
  );
  const wechat = useSyncExternalStore(
    () => () => undefined,
    () => isWeChat(navigator.userAgent),
    () => false,
  );
  if (standalone) return null;
  return (
    <Card aria-labelledby="install-title">
      <h2 id="install-title" className="mb-2 text-lg font-bold">
        {t('title')}
      </h2>
      {wechat ? (
        <p>{t('wechat')}</p>
      ) : offered ? (
        <>
          <p className="mb-2">{t('why')}</p>
          <Button onClick={() => void install()}>{t('install')}</Button>
        </>
      ) : (
        <>
          <p className="mb-1">{t('why')}</p>
          <p>{t('howTo')}</p>
        </>
      )}
    </Card>
  );
}
