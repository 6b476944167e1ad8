'use client';
import { useState } from 'react';
import { useTranslations } from '@/lib/i18n/client';
import { CrossIcon } from '@/components/ui/icons';
import type { OrgOption } from './org-select';

export interface OrgPickerProps {
  units: OrgOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  labelledBy: string;
}

const depth = (u: OrgOption) => Math.max(0, u.path.split('/').filter(Boolean).length - 1);

/**
 * Picks org units on a phone: what is chosen shows as removable chips, shortcuts choose the whole township or every
 * administrative village at once, and a search narrows the 100-odd villages. Choosing a village includes its
 * natural villages (an audience covers everyone below a chosen unit).
 */
export function OrgPicker({ units, value, onChange, labelledBy }: OrgPickerProps) {
  const t = useTranslations('admin');
  const [q, setQ] = useState('');
  const chosen = new Set(value);
  const township = units.find((u) => u.level === 'township');
  const villages = units.filter((u) => u.level === 'village');
  const shown = q.trim() ? units.filter((u) => u.name.includes(q.trim())) : units.filter((u) => u.level !== 'hamlet');
  const toggle = (id: string) => onChange(chosen.has(id) ? value.filter((x) => x !== id) : [...value, id]);
  const chip = 'inline-flex min-h-11 items-center gap-1 rounded-full border px-3';
  return (
    <div role="group" aria-labelledby={labelledBy} className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {township ? (
          <button type="button" className={`${chip} border-line bg-surface`} onClick={() => onChange([township.id])}>
            {t('orgWholeTownship')}
          </button>
        ) : null}
        <button type="button" className={`${chip} border-line bg-surface`} onClick={() => onChange(villages.map((v) => v.id))}>
          {t('orgAllVillages')}
        </button>
      </div>
      <p className="text-sm text-muted" aria-live="polite">
        {value.length ? t('orgChosen', { count: value.length }) : t('orgNoneChosen')}
      </p>
      {value.length ? (
        <ul className="flex flex-wrap gap-2">
          {value.slice(0, 20).map((id) => (
            <li key={id}>
              <button
                type="button"
                onClick={() => toggle(id)}
                className={`${chip} border-brand bg-red-50 text-brand-dark`}
                aria-label={t('orgRemove', { name: units.find((u) => u.id === id)?.name ?? id })}
              >
                {units.find((u) => u.id === id)?.name ?? id}
                <CrossIcon width="1em" height="1em" />
              </button>
            </li>
          ))}
          {value.length > 20 ? <li className="self-center text-sm text-muted">{t('orgMore', { count: value.length - 20 })}</li> : null}
        </ul>
      ) : null}
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('orgSearch')}
        aria-label={t('orgSearch')}
        className="min-h-11 w-full rounded-lg border border-line bg-surface px-3"
      />
      <ul className="max-h-72 overflow-y-auto rounded-lg border border-line">
        {shown.map((u) => (
          <li key={u.id}>
            <label className="flex min-h-11 items-center gap-2 px-2" style={{ paddingLeft: `${0.5 + depth(u)}rem` }}>
              <input type="checkbox" className="h-5 w-5 shrink-0" checked={chosen.has(u.id)} onChange={() => toggle(u.id)} />
              {u.name}
            </label>
          </li>
        ))}
      </ul>
      {!q.trim() ? <p className="text-sm text-muted">{t('orgHamletHint')}</p> : null}
    </div>
  );
}
