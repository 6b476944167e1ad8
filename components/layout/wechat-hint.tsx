'use client';
import { useState } from 'react';
import { useTranslations } from '@/lib/i18n/client';
import { isWeChat } from '@/lib/install';

/** Inside WeChat's browser: one line on opening the app in the phone's own browser, where it installs and works offline. */
export function WeChatHint() {
  const t = useTranslations('install');
  const [shown, setShown] = useState(() => isWeChat(navigator.userAgent));
  if (!shown) return null;
  return (
    <div role="note" className="fixed inset-x-0 top-0 z-50 flex items-center gap-2 bg-amber-100 px-3 py-1 text-ink shadow">
      <p className="flex-1">{t('wechat')}</p>
      <button type="button" onClick={() => setShown(false)} className="min-h-11 shrink-0 rounded-lg px-2 font-medium underline">
        {t('dismiss')}
      </button>
    </div>
  );
}
