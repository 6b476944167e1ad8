'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { api, ApiError } from '@/lib/api-client';
import type { ThemeRecord } from '@/lib/activity/types';
import { useTranslations } from '@/lib/i18n/client';
import { syncNow } from '@/lib/sync/engine';

/** For administrators: the theme list, and locking a month so its activities can no longer change. Online only. */
export function ActivityAdminPanel({ themes, locked, periods }: { themes: ThemeRecord[]; locked: string[]; periods: string[] }) {
  const t = useTranslations('activity.admin');
  const [name, setName] = useState('');
  const [period, setPeriod] = useState(() => new Date().toISOString().slice(0, 7));
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | null>(null);
  async function run(action: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await action();
      setMessage({ text: done });
      await syncNow();
    } catch (error) {
      setMessage({ text: error instanceof ApiError ? error.message : t('offline'), bad: true });
    }
  }
  const months = [...new Set([period, ...periods, ...locked])].sort().reverse();
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="font-bold">{t('title')}</h2>
      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api('/api/activity-themes', { method: 'POST', body: { name } }), t('themeAdded', { name })).then(() =>
            setName(''),
          );
        }}
      >
        <Field label={t('newTheme')}>
          <TextInput name="theme" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Button type="submit" variant="secondary">
          {t('addTheme')}
        </Button>
      </form>
      <ul className="flex flex-wrap gap-2">
        {themes.map((th) => (
          <li key={th.id}>
            <button
              type="button"
              className={`min-h-11 rounded-full border px-3 ${th.active ? 'border-line' : 'border-dashed text-muted line-through'}`}
              aria-pressed={th.active}
              onClick={() =>
                void run(() => api('/api/activity-themes', { method: 'PATCH', body: { id: th.id, active: !th.active } }), t('saved'))
              }
            >
              {th.name}
            </button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t('month')}>
          <TextInput name="period" type="month" value={period} onChange={(e) => setPeriod(e.target.value)} />
        </Field>
        <Button
          variant="secondary"
          onClick={() =>
            void run(() => api('/api/activity-locks', { method: 'POST', body: { period, locked: !locked.includes(period) } }), t('saved'))
          }
        >
          {locked.includes(period) ? t('unlock', { period }) : t('lock', { period })}
        </Button>
      </div>
      <p className="text-sm text-muted">{t('lockedList', { list: months.filter((m) => locked.includes(m)).join('、') || '—' })}</p>
      {message ? (
        <p role={message.bad ? 'alert' : 'status'} className={message.bad ? 'text-red-700' : ''}>
          {message.text}
        </p>
      ) : null}
    </Card>
  );
}
