import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { Card } from '@/components/ui/card';

export default async function LoginPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('login');
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-8">
      <div className="text-center">
        <p className="text-3xl font-bold text-brand">普法学堂</p>
        <h1 className="mt-2 text-xl">{t('title')}</h1>
      </div>
      <Card>
        <LoginForm />
      </Card>
      <p className="text-center text-sm">
        <a href={locale === 'zh' ? '/en/login' : '/zh/login'} className="underline">
          {locale === 'zh' ? 'English' : '中文'}
        </a>
      </p>
    </main>
  );
}
