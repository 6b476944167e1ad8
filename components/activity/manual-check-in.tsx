'use client';
import { useState } from 'react';
import { OrgSelect } from '@/components/admin/org-select';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { useTranslations } from '@/lib/i18n/client';
import type { OrgUnitOption } from '@/lib/local/org-units';
import { syncSoon } from '@/lib/sync/soon';

/** The host adds someone without a phone by name and village. */
export function ManualCheckIn({
  activityId,
  title,
  units,
  defaultUnit,
}: {
  activityId: string;
  title: string;
  units: OrgUnitOption[];
  defaultUnit: string;
}) {
  const t = useTranslations('activity.detail');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState(defaultUnit);
  const [message, setMessage] = useState<string | null>(null);
  async function add(event: React.FormEvent) {
    event.preventDefault();
    if (!name.trim() || !unit) return setMessage(t('manualMissing'));
    const { recordCheckIn } = await import('@/lib/local/activity');
    const added = await recordCheckIn(activityId, { kind: 'manual', name, orgUnitId: unit }, 'manual', title);
    setMessage(added ? t('manualAdded', { name: name.trim() }) : t('already', { name: name.trim() }));
    if (added) setName('');
    syncSoon();
  }
  return (
    <form onSubmit={add} className="flex flex-col gap-2" aria-label={t('manualTitle')}>
      <h3 className="font-bold">{t('manualTitle')}</h3>
      <Field label={t('manualName')}>
        <TextInput name="manualName" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('manualUnit')}>
        <OrgSelect name="manualUnit" units={units} value={unit} onChange={(v) => setUnit(String(v))} />
      </Field>
      <Button type="submit" variant="secondary">
        {t('manualAdd')}
      </Button>
      {message ? <p role="status">{message}</p> : null}
    </form>
  );
}
