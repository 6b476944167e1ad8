'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useProfile } from '@/hooks/use-profile';
import { personCode } from '@/lib/activity/links';
import { useTranslations } from '@/lib/i18n/client';
import { QrImage } from './qr-image';

/** 我的 → 我的签到码: a host scans it to check this person in (for people who can't scan the activity's code). */
export function PersonalCode() {
  const t = useTranslations('activity.personal');
  const profile = useProfile();
  const [shown, setShown] = useState(false);
  if (!profile) return null;
  return (
    <Card className="flex flex-col items-start gap-2">
      <h2 className="font-bold">{t('title')}</h2>
      <p className="text-sm text-muted">{t('hint')}</p>
      {shown ? <QrImage text={personCode(profile.id, profile.name)} label={t('label', { name: profile.name })} /> : null}
      <Button variant="secondary" onClick={() => setShown((s) => !s)}>
        {shown ? t('hide') : t('show')}
      </Button>
    </Card>
  );
}
