'use client';
import { useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import type { LocalProfile } from '@/lib/local/db';

/** Who is signed in, their role and unit. */
export function GreetingCard({ profile }: { profile: LocalProfile }) {
  const t = useTranslations('home');
  const tr = useTranslations('roles');
  return (
    <Card>
      <h1 className="text-xl font-bold">{t('greeting', { name: profile.name })}</h1>
      <p className="text-muted">
        {tr(profile.role)}
        {profile.orgUnitName ? ` · ${t('org', { org: profile.orgUnitName })}` : ''}
      </p>
      {profile.legalLiterate ? <p className="mt-1 text-ok">{t('legalLiterate', { since: profile.legalLiterateSince ?? '' })}</p> : null}
    </Card>
  );
}
