import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('body')}</p>
      <a href="/" className="mx-auto inline-flex min-h-11 items-center rounded-lg bg-brand px-4 text-white">
        {t('home')}
      </a>
    </main>
  );
}
