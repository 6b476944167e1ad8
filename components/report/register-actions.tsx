'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import type { RecordRow } from '@/server/reports/records';

/** Today in China Standard Time, as YYYY-MM-DD. */
const todayCst = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A date of service, never after today (CST). */
function ServiceDate({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="flex flex-col">
      {label}
      <input
        type="date"
        required
        max={todayCst()}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="min-h-11 rounded border border-line px-2 py-1"
      />
    </label>
  );
}

/**
 * One row of the 法律明白人 register: retire a serving person (after a confirmation that names them and the last day
 * of duty) or certify a retired one again. Retiring keeps the person's past records and the figures of past periods:
 * the register keeps the certification date and records the retirement date (PATCH /api/users/:id).
 */
export function RegisterAction({ row, onChanged }: { row: RecordRow; onChanged: () => void }) {
  const t = useTranslations('report.annual.register');
  const tc = useTranslations('common');
  const errorText = useErrorText();
  const [asking, setAsking] = useState(false);
  const [retiredOn, setRetiredOn] = useState(todayCst);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const name = String(row.name ?? '');
  const change = (body: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    api(`/api/users/${String(row.id)}`, { method: 'PATCH', body })
      .then(() => {
        setAsking(false);
        onChanged();
      })
      .catch((e: unknown) => setError(errorText.api(e)))
      .finally(() => setBusy(false));
  };

  if (!row.serving)
    return (
      <div className="flex flex-col items-start gap-1">
        <Button
          variant="secondary"
          className="px-2 text-sm"
          disabled={busy}
          aria-label={t('certifyAgainName', { name })}
          onClick={() => change({ legalLiterate: true })}
        >
          {t('certifyAgain')}
        </Button>
        {error ? (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
    );
  if (!asking)
    return (
      <Button variant="danger" className="px-2 text-sm" aria-label={t('retireName', { name })} onClick={() => setAsking(true)}>
        {t('retire')}
      </Button>
    );
  const titleId = `retire-${String(row.id)}`;
  return (
    <section
      role="alertdialog"
      aria-labelledby={titleId}
      className="flex max-w-72 flex-col gap-2 rounded-lg border border-red-200 bg-red-50 p-2"
    >
      <h3 id={titleId} className="font-bold text-red-900">
        {t('retireTitle', { name })}
      </h3>
      <p>{t('retireHelp')}</p>
      <ServiceDate label={t('retiredOn')} value={retiredOn} onChange={setRetiredOn} />
      {error ? (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          className="px-2 text-sm"
          disabled={busy || !retiredOn}
          onClick={() => change({ legalLiterate: false, legalLiterateRetiredAt: retiredOn })}
        >
          {t('retireConfirm')}
        </Button>
        <Button variant="secondary" className="px-2 text-sm" disabled={busy} onClick={() => setAsking(false)}>
          {tc('cancel')}
        </Button>
      </div>
    </section>
  );
}

interface Candidate {
  id: string;
  name: string;
  phone: string;
  orgUnitName: string | null;
  legalLiterate: boolean;
}

/** Certify a villager of the unit as a 法律明白人: find them by name or phone, give the certification date. */
export function CertifyForm({ orgUnitId, onChanged }: { orgUnitId?: string; onChanged: () => void }) {
  const t = useTranslations('report.annual.register');
  const errorText = useErrorText();
  const [q, setQ] = useState('');
  const [since, setSince] = useState(todayCst);
  const [found, setFound] = useState<Candidate[]>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const search = () => {
    setError(undefined);
    setDone(undefined);
    const params = new URLSearchParams({ q: q.trim(), role: 'villager', ...(orgUnitId ? { orgUnitId } : {}) });
    api<{ users: Candidate[] }>(`/api/users?${params.toString()}`)
      .then((d) => setFound(d.users.filter((u) => !u.legalLiterate)))
      .catch((e: unknown) => setError(errorText.api(e)));
  };
  const certify = (u: Candidate) =>
    api(`/api/users/${u.id}`, { method: 'PATCH', body: { legalLiterate: true, legalLiterateSince: since } })
      .then(() => {
        setFound(undefined);
        setDone(t('certified', { name: u.name }));
        onChanged();
      })
      .catch((e: unknown) => setError(errorText.api(e)));
  return (
    <section aria-labelledby="certify-title" className="flex flex-col gap-2 rounded-lg border border-line p-3 text-sm print:hidden">
      <h2 id="certify-title" className="font-bold">
        {t('certifyTitle')}
      </h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <label className="flex min-w-0 flex-col">
          {t('search')}
          <input
            type="search"
            required
            maxLength={40}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="min-h-11 w-44 rounded border border-line px-2 py-1"
          />
        </label>
        <ServiceDate label={t('certifiedOn')} value={since} onChange={setSince} />
        <Button type="submit" variant="secondary" className="px-3 text-sm">
          {t('find')}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
      {found ? (
        found.length ? (
          <ul className="flex flex-col gap-1">
            {found.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 border-t border-line py-1">
                <span>
                  {u.name} · {u.phone} · {u.orgUnitName ?? '—'}
                </span>
                <Button className="px-3 text-sm" aria-label={t('certifyName', { name: u.name })} onClick={() => void certify(u)}>
                  {t('certify')}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">{t('noneFound')}</p>
        )
      ) : null}
    </section>
  );
}
