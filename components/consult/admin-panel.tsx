'use client';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { CONSULT_CHANNELS, type ConsultReportFigures } from '@/lib/consult/types';
import { useTranslations } from '@/lib/i18n/client';
import type { ConsultSettings } from '@/lib/validations/consult';

/**
 * The administrator's part of 咨询 (online): this year's figures by channel with the reply rate, and the settings
 * (default deadline, retention). Opening it applies the retention period, so anonymisation never waits for a job.
 */
export function AdminConsultPanel() {
  const t = useTranslations('consult');
  const [settings, setSettings] = useState<ConsultSettings>();
  const [figures, setFigures] = useState<ConsultReportFigures>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!navigator.onLine) return;
    const post = { method: 'POST', credentials: 'same-origin' as const };
    void fetch('/api/consultations/settings', post)
      .catch(() => undefined)
      .then(() => Promise.all([fetch('/api/consultations/settings'), fetch('/api/consultations/report')]))
      .then(async ([s, r]) => {
        if (s.ok) setSettings((await s.json()) as ConsultSettings);
        if (r.ok) setFigures((await r.json()) as ConsultReportFigures);
      })
      .catch(() => undefined);
  }, []);

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!settings) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const res = await fetch('/api/consultations/settings', {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(settings),
      });
      const body = (await res.json()) as { anonymised?: number; error?: string };
      setMessage(res.ok ? t('settingsSaved', { count: body.anonymised ?? 0 }) : (body.error ?? res.statusText));
    } catch {
      setMessage(t('needsOnline'));
    } finally {
      setBusy(false);
    }
  }

  if (!settings) return <Card>{t('adminOffline')}</Card>;
  return (
    <>
      {figures ? (
        <Card>
          <h2 className="font-bold">{t('figuresTitle')}</h2>
          <p>{t('figuresLine', { total: figures.total, resolved: figures.resolved, rate: figures.replyRate ?? '—' })}</p>
          <ul className="mt-2 grid grid-cols-2 gap-x-3 text-sm">
            {CONSULT_CHANNELS.map((ch) => (
              <li key={ch}>
                {t(`channel.${ch}`)}: {figures.byChannel[ch]}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            {t('satisfactionLine', {
              satisfied: figures.satisfaction.satisfied,
              neutral: figures.satisfaction.neutral,
              dissatisfied: figures.satisfaction.dissatisfied,
              inTime: figures.answeredWithinDeadline,
            })}
          </p>
        </Card>
      ) : null}
      <Card>
        <h2 className="font-bold">{t('settingsTitle')}</h2>
        <form onSubmit={save} className="mt-2 flex flex-col gap-3">
          <Field label={t('deadlineDays')} hint={t('deadlineDaysHint')}>
            <TextInput
              type="number"
              min={1}
              max={60}
              value={settings.deadlineWorkingDays}
              onChange={(e) => setSettings({ ...settings, deadlineWorkingDays: Number(e.target.value) })}
            />
          </Field>
          <Field label={t('retentionMonths')} hint={t('retentionHint')}>
            <TextInput
              type="number"
              min={6}
              max={120}
              value={settings.retentionMonths}
              onChange={(e) => setSettings({ ...settings, retentionMonths: Number(e.target.value) })}
            />
          </Field>
          <Button type="submit" disabled={busy}>
            {t('saveSettings')}
          </Button>
          {message ? <p role="status">{message}</p> : null}
        </form>
      </Card>
    </>
  );
}
