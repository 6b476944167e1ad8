'use client';
import type { ReactNode } from 'react';
import { useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { useProfile } from '@/hooks/use-profile';
import { Link } from '@/lib/i18n/navigation';
import { AdminNav } from './admin-nav';

/** Every 管理 page: administrators get the section navigation and the page; anyone else a way home, not the forms. */
export function AdminFrame({ children }: { children: ReactNode }) {
  const t = useTranslations('admin');
  const profile = useProfile();
  if (!profile) return null;
  if (profile.role !== 'admin')
    return (
      <Card aria-labelledby="admin-only-title" className="flex flex-col items-start gap-2">
        <h1 id="admin-only-title" className="text-xl font-bold">
          {t('adminOnly')}
        </h1>
        <p>{t('adminOnlyWhy')}</p>
        <Link href="/" className="inline-flex min-h-11 items-center rounded-lg bg-brand px-4 font-medium text-white">
          {t('backHome')}
        </Link>
      </Card>
    );
  return (
    <div className="flex flex-col gap-4">
      <AdminNav />
      {children}
    </div>
  );
}
