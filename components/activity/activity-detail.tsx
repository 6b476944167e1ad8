'use client';
import { useSearchParams } from 'next/navigation';
import { PhotoThumb } from '@/components/files/photo-thumb';
import { Card } from '@/components/ui/card';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useProfile } from '@/hooks/use-profile';
import { checkInUrl } from '@/lib/activity/links';
import { MATERIALS, periodOf, type CheckInRecord } from '@/lib/activity/types';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { ManualCheckIn } from './manual-check-in';
import { QrImage } from './qr-image';
import { formatWhen } from '@/lib/activity/format';
import { useActivityContext } from './use-activity-data';

/** One activity: its record and photos; for its host the QR code, scanning and adding people; attendance and history. */
export function ActivityDetail() {
  const id = useSearchParams().get('id') ?? '';
  const t = useTranslations('activity');
  const td = useTranslations('activity.detail');
  const tp = useTranslations('photos');
  const locale = useLocale();
  const profile = useProfile();
  const context = useActivityContext();
  const data = useLiveQuery(async () => {
    const db = localDb();
    const [activity, checkIns, revisions] = await Promise.all([
      db.activities.get(id),
      db.checkIns.where('activityId').equals(id).toArray(),
      db.activityRevisions.where('activityId').equals(id).sortBy('version'),
    ]);
    return { activity: activity ?? null, checkIns, revisions };
  }, [id]);
  if (!data || !profile || !context) return <p role="status">{t('loading')}</p>;
  const { activity, revisions } = data;
  if (!activity) return <p role="alert">{t('notFound')}</p>;
  const people = [...new Map(data.checkIns.map((c) => [c.personKey, c] as [string, CheckInRecord])).values()].sort((a, b) =>
    a.checkedInAt.localeCompare(b.checkedInAt),
  );
  const unitName = (uid: string | null) => context.orgUnits.find((u) => u.id === uid)?.name ?? '';
  const theme = context.themes.find((th) => th.id === activity.themeId);
  const manages = activity.hostId === profile.id || profile.role === 'admin';
  const locked = context.locked.has(periodOf(activity.startsAt));
  const sync = context.waiting.get(activity.id);
  const link = activity.checkInCode ? checkInUrl(location.origin, locale, activity.id, activity.checkInCode) : null;

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-bold">{activity.title}</h1>
        <p className="text-muted">
          {t(`kinds.${activity.kind}`)}
          {activity.studyKind ? ` · ${t(`studyKinds.${activity.studyKind}`)}` : ''}
          {theme ? ` · ${theme.name}` : ''}
        </p>
        <p role="status" className={`text-sm ${sync === 'rejected' ? 'text-red-700' : 'text-muted'}`}>
          {sync === 'pending' ? t('unsynced') : sync === 'rejected' ? t('rejected') : t('synced')}
          {locked ? ` · ${td('locked')}` : ''}
        </p>
      </div>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-muted">{td('when')}</dt>
          <dd>
            {formatWhen(activity.startsAt, locale)} – {formatWhen(activity.endsAt, locale)}
          </dd>
          <dt className="text-muted">{td('unit')}</dt>
          <dd>{unitName(activity.orgUnitId) || activity.orgUnitId}</dd>
          <dt className="text-muted">{td('place')}</dt>
          <dd>
            {activity.place || '—'}
            {activity.latitude !== null && activity.longitude !== null
              ? ` (${activity.latitude.toFixed(5)}, ${activity.longitude.toFixed(5)} ±${activity.accuracyM ?? '?'} m)`
              : ''}
          </dd>
          <dt className="text-muted">{td('host')}</dt>
          <dd>{activity.hostName}</dd>
          {activity.staff ? (
            <>
              <dt className="text-muted">{td('staff')}</dt>
              <dd>{activity.staff}</dd>
            </>
          ) : null}
          <dt className="text-muted">{td('audience')}</dt>
          <dd>{activity.audience}</dd>
          {MATERIALS.map((m) => (
            <div key={m} className="contents">
              <dt className="text-muted">{t(`form.${m}`)}</dt>
              <dd data-testid={`material-${m}`}>{activity[m]}</dd>
            </div>
          ))}
        </dl>
        {activity.notes ? <p className="mt-2 whitespace-pre-wrap">{activity.notes}</p> : null}
        {activity.photos.length ? (
          <div className="mt-3 flex flex-wrap gap-2">
            {activity.photos.map((hash, i) => (
              <PhotoThumb key={hash} hash={hash} alt={tp('alt', { n: i + 1 })} />
            ))}
          </div>
        ) : null}
        {manages && !locked ? (
          <Link href={`/activity/new?id=${activity.id}`} className="mt-3 inline-block underline">
            {td('edit')}
          </Link>
        ) : null}
      </Card>

      {manages && link ? (
        <Card className="flex flex-col items-center gap-2 text-center">
          <h2 className="font-bold">{td('qrTitle')}</h2>
          <QrImage text={link} label={td('qrLabel', { title: activity.title })} />
          <p className="text-sm text-muted">{td('qrHint')}</p>
          <a href={link} className="text-sm break-all underline" data-testid="check-in-link">
            {link}
          </a>
          <Link
            href={`/activity/scan?host=${activity.id}`}
            className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 font-medium"
          >
            {td('scanPeople')}
          </Link>
        </Card>
      ) : null}

      <Card>
        <h2 className="font-bold">
          {activity.kind === 'study' ? td('attendanceStudy', { count: people.length }) : td('attendance', { count: people.length })}
        </h2>
        {people.length ? (
          <ul aria-label={td('attendanceList')} className="mt-2">
            {people.map((c) => (
              <li key={c.personKey} className="border-t border-line py-2 first:border-t-0">
                {c.name}
                <span className="text-sm text-muted">
                  {' '}
                  · {unitName(c.orgUnitId)} · {t(`methods.${c.method}`)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">{td('nobody')}</p>
        )}
        {manages ? (
          <div className="mt-4">
            <ManualCheckIn activityId={activity.id} title={activity.title} units={context.orgUnits} defaultUnit={activity.orgUnitId} />
          </div>
        ) : null}
      </Card>

      {revisions.length ? (
        <Card>
          <h2 className="font-bold">{td('history')}</h2>
          <ul className="mt-2 text-sm">
            {revisions.map((r) => (
              <li key={r.id} className="border-t border-line py-2 first:border-t-0">
                {td('revision', { who: r.editorName, when: formatWhen(r.editedAt, locale) })}:{' '}
                {Object.entries(r.changes)
                  .map(
                    ([field, [before, after]]) =>
                      `${t.has(`form.${field}`) ? t(`form.${field}`) : field} ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
                  )
                  .join('；')}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
