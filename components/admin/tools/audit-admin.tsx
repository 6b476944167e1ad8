'use client';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';

interface AuditRow {
  id: string;
  at: string;
  action: string;
  actorRole: string;
  subjectKind: string;
  subjectId: string;
  actorName: string | null;
  actorPhone: string | null;
}
interface AuditPage {
  rows: AuditRow[];
  total: number;
  pageSize: number;
  actions: string[];
  retentionDays: number;
}

/** 审计: who signed in, failed to, changed whom, exported or read what, filtered by action, person and dates. */
export function AuditAdmin() {
  const t = useTranslations('adminTools');
  const errorText = useErrorText();
  const [filter, setFilter] = useState({ action: '', actor: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AuditPage>();
  const [error, setError] = useState<string>();

  const load = useCallback(() => {
    const params = new URLSearchParams({ ...filter, page: String(page) });
    void api<AuditPage>(`/api/admin/audit?${params}`)
      .then((d) => (setData(d), setError(undefined)))
      .catch((e: unknown) => setError(errorText.api(e)));
  }, [filter, page, errorText]);
  useEffect(load, [load]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const set = (k: keyof typeof filter, v: string) => (setFilter((f) => ({ ...f, [k]: v })), setPage(1));

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('auditTitle')}</h1>
      {data ? <p className="text-muted">{t('retention', { days: data.retentionDays })}</p> : null}
      <Card className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label={t('action')}>
          <Select value={filter.action} onChange={(e) => set('action', e.target.value)}>
            <option value="">{t('all')}</option>
            {data?.actions.map((a) => (
              <option key={a} value={a}>
                {t.has(`actions.${a}`) ? t(`actions.${a}`) : a}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('actor')}>
          <TextInput value={filter.actor} onChange={(e) => set('actor', e.target.value)} />
        </Field>
        <Field label={t('from')}>
          <TextInput type="date" value={filter.from} onChange={(e) => set('from', e.target.value)} />
        </Field>
        <Field label={t('to')}>
          <TextInput type="date" value={filter.to} onChange={(e) => set('to', e.target.value)} />
        </Field>
      </Card>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="flex flex-col gap-2" aria-label={t('auditTitle')}>
        {data?.rows.map((r) => (
          <li key={r.id} className="rounded-lg border border-line bg-surface p-2 text-sm">
            <div className="flex flex-wrap justify-between gap-2">
              <strong>{t.has(`actions.${r.action}`) ? t(`actions.${r.action}`) : r.action}</strong>
              <time dateTime={r.at}>{new Date(r.at).toLocaleString()}</time>
            </div>
            <div>
              {r.actorName ? `${r.actorName} (${r.actorPhone ?? ''})` : t('unknownActor')} → {r.subjectKind} {r.subjectId}
            </div>
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('prev')}
        </Button>
        <span>{t('page', { page, pages })}</span>
        <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('next')}
        </Button>
      </div>
    </div>
  );
}
