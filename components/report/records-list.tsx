'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { Card } from '@/components/ui/card';
import { ACTIVITY_KINDS } from '@/lib/activity/types';
import { api } from '@/lib/api-client';
import { CONSULT_CATEGORIES } from '@/lib/consult/types';
import { useTranslations } from '@/lib/i18n/client';
import type { RecordsPage } from '@/server/reports/records';
import type { Drill } from './annual-report';
import { CertifyForm, RegisterAction } from './register-actions';

/** The records behind one figure: a table, filters, pages of 50, and every row as CSV. */
export function RecordsList({
  query,
  drill,
  villages,
  backHref,
}: {
  query: string;
  drill: Drill;
  villages: { id: string; name: string }[];
  backHref: string;
}) {
  const t = useTranslations('report');
  const ta = useTranslations('activity');
  const tc = useTranslations('consult');
  const pathname = usePathname();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<RecordsPage>();
  const [error, setError] = useState<string>();
  /** Bumped after a change in the register, to read the list again. */
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const filters = new URLSearchParams(
    Object.entries({ ...drill }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  ).toString();
  useEffect(() => {
    let live = true;
    api<RecordsPage>(`/api/reports/records?${query}&${filters}&page=${page}`)
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [query, filters, page, version]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const withFilter = (key: string, value: string) => {
    const next = new URLSearchParams(`${query}&${filters}`);
    if (value) next.set(key, value);
    else next.delete(key);
    return `${pathname}?${next.toString()}`;
  };
  const activityLike = drill.figure === 'activities' || drill.figure === 'checkIns';
  const register = drill.figure === 'legalLiterate';
  const shown = data ? data.columns.filter((c) => c !== 'id') : [];
  return (
    <div className="flex flex-col gap-3">
      <Link href={backHref} className="text-sm underline print:hidden">
        ← {t('annual.back')}
      </Link>
      <h1 className="text-xl font-bold">
        {t(`annual.figures.${drill.figure}`)}
        {drill.kind ? ` · ${ta(`kinds.${drill.kind}`)}` : ''}
        {drill.studyKind ? ` · ${ta(`studyKinds.${drill.studyKind}`)}` : ''}
        {drill.category ? ` · ${tc(`category.${drill.category}`)}` : ''}
      </h1>
      <div className="flex flex-wrap items-end gap-3 text-sm print:hidden">
        {activityLike ? (
          <FilterSelect
            label={t('annual.filterKind')}
            value={drill.kind ?? ''}
            options={ACTIVITY_KINDS.map((k) => [k, ta(`kinds.${k}`)])}
            href={(v) => withFilter('kind', v)}
            all={t('annual.all')}
          />
        ) : null}
        {drill.figure === 'consultations' ? (
          <FilterSelect
            label={t('annual.filterCategory')}
            value={drill.category ?? ''}
            options={CONSULT_CATEGORIES.map((c) => [c, tc(`category.${c}`)])}
            href={(v) => withFilter('category', v)}
            all={t('annual.all')}
          />
        ) : null}
        {villages.length > 1 ? (
          <FilterSelect
            label={t('village')}
            value={drill.village ?? ''}
            options={villages.map((v) => [v.id, v.name])}
            href={(v) => withFilter('village', v)}
            all={t('annual.all')}
          />
        ) : null}
        <a className="rounded border border-line px-3 py-1" href={`/api/reports/records?${query}&${filters}&format=csv`} download>
          {t('annual.exportCsv')}
        </a>
      </div>
      {register ? (
        <CertifyForm orgUnitId={drill.village ?? (new URLSearchParams(query).get('org') || undefined)} onChanged={reload} />
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {data ? (
        <Card>
          <p className="text-sm text-muted" role="status">
            {t('annual.rowCount', { count: data.total })}
          </p>
          <div className="overflow-x-auto">
            <table className="mt-2 w-full text-left text-sm">
              <thead>
                <tr>
                  {shown.map((c) => (
                    <th key={c} className="whitespace-nowrap px-1 py-1">
                      {t(`annual.columns.${c}`)}
                    </th>
                  ))}
                  {register ? <th className="whitespace-nowrap px-1 py-1">{t('annual.register.action')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r, i) => (
                  <tr key={String(r.id ?? i)} className="border-t border-line">
                    {shown.map((c) => (
                      <td key={c} className="px-1 py-1">
                        {cell(c, r[c] ?? null, t, ta, tc)}
                      </td>
                    ))}
                    {register ? (
                      <td className="px-1 py-1">
                        <RegisterAction row={r} onChanged={reload} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <div className="mt-2 flex items-center gap-3 print:hidden">
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)} className="rounded border border-line px-2">
                {t('annual.previous')}
              </button>
              <span className="text-sm">
                {page}/{pages}
              </span>
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)} className="rounded border border-line px-2">
                {t('annual.next')}
              </button>
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}

type T = (k: string) => string;
/** A cell as a person reads it: kinds, categories, roles, channels, statuses and yes/no in the page's language. */
function cell(column: string, value: string | number | null, t: T, ta: T, tc: T): string {
  if (value === null) return '';
  switch (column) {
    case 'kind':
      return ta(`kinds.${value}`);
    case 'studyKind':
      return ta(`studyKinds.${value}`);
    case 'method':
      return ta(`methods.${value}`);
    case 'category':
      return tc(`category.${value}`);
    case 'channel':
      return tc(`channel.${value}`);
    case 'status':
      return tc(`status.${value}`);
    case 'role':
      return t(`annual.roles.${value}`);
    case 'passed':
    case 'serving':
      return t(value ? 'annual.yes' : 'annual.no');
    default:
      return String(value);
  }
}

function FilterSelect({
  label,
  value,
  options,
  href,
  all,
}: {
  label: string;
  value: string;
  options: [string, string][];
  href: (value: string) => string;
  all: string;
}) {
  return (
    <label className="flex flex-col">
      {label}
      <select className="rounded border border-line px-2 py-1" value={value} onChange={(e) => window.location.assign(href(e.target.value))}>
        <option value="">{all}</option>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
