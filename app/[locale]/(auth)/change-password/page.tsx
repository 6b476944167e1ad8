import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ForcedPasswordForm } from '@/components/auth/forced-password-form';
import { Card } from '@/components/ui/card';

/** Where a person lands after signing in with a password an administrator reset: nothing else opens until it is changed. */
export default async function ChangePasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('account');
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-8">
      <div className="text-center">
        <p className="text-3xl font-bold text-brand">普法学堂</p>
        <h1 className="mt-2 text-xl">{t('forcedTitle')}</h1>
      </div>
      <Card>
        <p className="mb-4">{t('forcedIntro')}</p>
        <ForcedPasswordForm />
      </Card>
    </main>
  );
}
