'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/field';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useProfile } from '@/hooks/use-profile';
import { filterActivities, totalsOf, type ActivityFilter } from '@/lib/activity/list';
import { ACTIVITY_KINDS, DUTY_KINDS, MATERIALS, periodOf } from '@/lib/activity/types';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { ActivityAdminPanel } from './activity-admin-panel';
import { formatWhen } from '@/lib/activity/format';
import { useActivityContext } from './use-activity-data';

const PAGE_SIZE = 20;

/** 活动: the activities this person may see, filtered by month, kind, theme and village, with totals on top. */
export function ActivityList() {
  const t = useTranslations('activity');
  const tl = useTranslations('activity.list');
  const locale = useLocale();
  const profile = useProfile();
  const context = useActivityContext();
  const [filter, setFilter] = useState<ActivityFilter>({ period: '', kind: '', themeId: '', orgUnitId: '' });
  const [page, setPage] = useState(0);
  const data = useLiveQuery(async () => {
    const db = localDb();
    const [activities, checkIns] = await Promise.all([db.activities.toArray(), db.checkIns.toArray()]);
    return { activities, checkIns };
  });
  if (!data || !context || !profile) return <p role="status">{t('loading')}</p>;
  const unitPaths = new Map(context.orgUnits.map((u) => [u.id, u.path]));
  const unitName = (id: string) => context.orgUnits.find((u) => u.id === id)?.name ?? '';
  const rows = filterActivities(data.activities, filter, unitPaths);
  const totals = totalsOf(rows, data.checkIns);
  const periods = [...new Set(data.activities.map((a) => periodOf(a.startsAt)))].sort().reverse();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const kinds = profile.role === 'villager' ? DUTY_KINDS : ACTIVITY_KINDS;
  const villages = context.orgUnits.filter((u) => u.level === 'township' || u.level === 'village');
  const update = (patch: Partial<ActivityFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(0);
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">{t('title')}</h1>
        <div className="flex flex-wrap gap-2">
          <Link
            href="/activity/scan"
            className="inline-flex min-h-11 items-center rounded-lg border border-line bg-surface px-4 font-medium"
          >
            {tl('scan')}
          </Link>
          <Link href="/activity/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand px-4 font-medium text-white">
            {tl('new')}
          </Link>
        </div>
      </div>

      <Card className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Select aria-label={tl('period')} value={filter.period} onChange={(e) => update({ period: e.target.value })}>
          <option value="">{tl('allPeriods')}</option>
          {periods.map((p) => (
            <option key={p} value={p}>
              {p}
              {context.locked.has(p) ? ` 🔒` : ''}
            </option>
          ))}
        </Select>
        <Select aria-label={tl('kind')} value={filter.kind} onChange={(e) => update({ kind: e.target.value })}>
          <option value="">{tl('allKinds')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
        <Select aria-label={tl('theme')} value={filter.themeId} onChange={(e) => update({ themeId: e.target.value })}>
          <option value="">{tl('allThemes')}</option>
          {context.themes.map((th) => (
            <option key={th.id} value={th.id}>
              {th.name}
            </option>
          ))}
        </Select>
        <Select aria-label={tl('unit')} value={filter.orgUnitId} onChange={(e) => update({ orgUnitId: e.target.value })}>
          <option value="">{tl('allUnits')}</option>
          {villages.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Card>

      <Card aria-label={tl('totals')}>
        <p className="font-bold" data-testid="activity-count">
          {tl('count', { count: totals.count })}
        </p>
        <p className="text-sm">
          {tl('audience', { count: totals.audience })} · {tl('checkIns', { count: totals.checkIns })}
        </p>
        <p className="text-sm text-muted">{MATERIALS.map((m) => `${t(`form.${m}`)} ${totals[m]}`).join(' · ')}</p>
      </Card>

      {shown.length ? (
        <ul className="flex flex-col gap-2" aria-label={tl('listLabel')}>
          {shown.map((a) => {
            const sync = context.waiting.get(a.id);
            return (
              <li key={a.id}>
                <Link
                  href={`/activity/view?id=${a.id}`}
                  className="block rounded-xl border border-line bg-surface p-3 shadow-sm hover:border-brand"
                >
                  <span className="font-medium">{a.title}</span>
                  <span className="block text-sm text-muted">
                    {formatWhen(a.startsAt, locale)} · {t(`kinds.${a.kind}`)} · {unitName(a.orgUnitId)}
                    {sync ? ` · ${sync === 'pending' ? t('unsynced') : t('rejected')}` : ''}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState>{tl('empty')}</EmptyState>
      )}
      {pages > 1 ? (
        <div className="flex items-center justify-between">
          <Button variant="secondary" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            {tl('prev')}
          </Button>
          <span>{tl('page', { page: page + 1, pages })}</span>
          <Button variant="secondary" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
            {tl('next')}
          </Button>
        </div>
      ) : null}
      {profile.role === 'admin' ? <ActivityAdminPanel themes={context.themes} locked={[...context.locked]} periods={periods} /> : null}
    </div>
  );
}
