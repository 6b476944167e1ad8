import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppProviders } from '@/components/layout/app-providers';
import { I18nProvider } from '@/lib/i18n/client';
import { routing } from '@/lib/i18n/routing';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'meta' });
  return {
    title: t('appName'),
    description: t('description'),
    manifest: '/manifest.webmanifest',
    icons: { icon: '/icons/icon-192.png', apple: '/icons/icon-192.png' },
    appleWebApp: { capable: true, title: t('appName') },
  };
}

export const viewport: Viewport = { themeColor: '#b91c1c', width: 'device-width', initialScale: 1 };

// Applies 长者版 before the first paint, so large type never flickers in after load.
const elderScript = "try{document.documentElement.dataset.elder=localStorage.getItem('pufa.elder')==='true'?'true':'false'}catch(e){}";

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const messages = await getMessages();
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: elderScript }} />
      </head>
      <body className="min-h-dvh font-sans antialiased">
        <I18nProvider locale={locale} messages={messages as Parameters<typeof I18nProvider>[0]['messages']}>
          <AppProviders>{children}</AppProviders>
        </I18nProvider>
      </body>
    </html>
  );
}
