import { getTranslations, setRequestLocale } from 'next-intl/server';

/** Served by the service worker for any page it doesn't hold while offline. */
export default async function OfflinePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('offline');
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('body')}</p>
      <a href={`/${locale}`} className="mx-auto inline-flex min-h-11 items-center rounded-lg bg-brand px-4 text-white">
        {t('home')}
      </a>
    </main>
  );
}
