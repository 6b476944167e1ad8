'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CONSULT_CONSENT_VERSION } from '@/lib/consult/types';
import { useTranslations } from '@/lib/i18n/client';

/**
 * The separate consent (单独同意) asked before a person's first request: what is collected, why, who reads it and
 * how long it is kept. The box starts unticked and nothing is filed until it is ticked.
 */
export function ConsentNotice({ retentionMonths, onAgree }: { retentionMonths: number; onAgree: () => void }) {
  const t = useTranslations('consult.consent');
  const [ticked, setTicked] = useState(false);
  return (
    <Card>
      <h2 className="text-lg font-bold">{t('title')}</h2>
      <dl className="mt-2 flex flex-col gap-2">
        <dt className="font-medium">{t('whatTitle')}</dt>
        <dd>{t('what')}</dd>
        <dt className="font-medium">{t('whyTitle')}</dt>
        <dd>{t('why')}</dd>
        <dt className="font-medium">{t('whoTitle')}</dt>
        <dd>{t('who')}</dd>
        <dt className="font-medium">{t('howLongTitle')}</dt>
        <dd>{t('howLong', { months: retentionMonths })}</dd>
      </dl>
      <p className="mt-2 text-sm text-muted">{t('version', { version: CONSULT_CONSENT_VERSION })}</p>
      <label className="mt-3 flex items-start gap-2">
        <input type="checkbox" className="mt-1 h-5 w-5" checked={ticked} onChange={(e) => setTicked(e.target.checked)} />
        <span>{t('agree')}</span>
      </label>
      <Button className="mt-3 w-full" disabled={!ticked} onClick={onAgree}>
        {t('continue')}
      </Button>
    </Card>
  );
}
