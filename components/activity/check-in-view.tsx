'use client';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Card } from '@/components/ui/card';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useProfile } from '@/hooks/use-profile';
import { checkInWindow } from '@/lib/activity/types';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { Link } from '@/lib/i18n/navigation';
import { recordCheckIn } from '@/lib/local/activity';
import { localDb } from '@/lib/local/db';
import { syncSoon } from '@/lib/sync/soon';
import { formatWhen } from '@/lib/activity/format';

/**
 * The page an activity's QR code opens (WeChat's scanner included): the signed-in person is checked in at once,
 * once, and the check-in is pushed right away (WeChat may clear its storage, so nothing waits there for long).
 * Not signed in, the app shell sends the person to sign in and back here.
 */
export function CheckInView() {
  const params = useSearchParams();
  const activityId = params.get('a') ?? '';
  const code = params.get('c') ?? '';
  const t = useTranslations('activity.checkIn');
  const errorText = useErrorText();
  const locale = useLocale();
  const profile = useProfile();
  const [outcome, setOutcome] = useState<'added' | 'already' | null>(null);
  const started = useRef(false);
  const state = useLiveQuery(async () => {
    const db = localDb();
    const [activity, mine, ops] = await Promise.all([
      db.activities.get(activityId),
      profile
        ? db.checkIns
            .where('[activityId+personKey]')
            .equals([activityId, `u:${profile.id}`])
            .first()
        : undefined,
      db.outbox
        .filter((op) => op.type === 'activity.checkIn' && (op.payload as { activityId?: string }).activityId === activityId)
        .toArray(),
    ]);
    return { activity: activity ?? null, mine: mine ?? null, op: ops[0] ?? null };
  }, [activityId, profile?.id]);
  const inWeChat = typeof navigator !== 'undefined' && /MicroMessenger/i.test(navigator.userAgent);

  // Refused on the phone already when the link is broken or the activity (if this phone holds it) is not open now.
  const [now] = useState(() => new Date().toISOString());
  const window = state?.activity ? checkInWindow(state.activity) : null;
  const precheck: 'invalid' | 'early' | 'late' | null =
    !/^[0-9a-f-]{36}$/i.test(activityId) || !code
      ? 'invalid'
      : window && now < window.opens
        ? 'early'
        : window && now > window.closes
          ? 'late'
          : null;

  useEffect(() => {
    if (!profile || !state || started.current || precheck) return;
    started.current = true;
    void recordCheckIn(
      activityId,
      { kind: 'self', code, userId: profile.id, name: profile.name, orgUnitId: profile.orgUnitId },
      'link',
      state.activity?.title ?? t('label'),
    ).then((added) => {
      setOutcome(added ? 'added' : 'already');
      syncSoon();
    });
  }, [profile, state, activityId, code, t, precheck]);

  if (!profile || !state) return <p role="status">{t('working')}</p>;
  const message =
    precheck === 'invalid'
      ? t('invalid')
      : precheck === 'early' && window
        ? t('early', { time: formatWhen(window.opens, locale) })
        : precheck === 'late' && window
          ? t('late', { time: formatWhen(window.closes, locale) })
          : outcome === 'already'
            ? t('already')
            : outcome === 'added'
              ? t('done')
              : t('working');
  const refused = precheck !== null || state.op?.status === 'rejected';

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('title')}</h1>
      <Card className="flex flex-col gap-2">
        {state.activity ? <p className="font-medium">{state.activity.title}</p> : null}
        <p role={refused ? 'alert' : 'status'} className={refused ? 'text-red-700' : 'text-lg font-medium'}>
          {message}
        </p>
        {state.mine && !refused ? (
          <p className="text-sm text-muted">{state.op?.status === 'pending' ? t('waiting') : state.op ? null : t('synced')}</p>
        ) : null}
        {state.op?.status === 'rejected' ? <p className="text-sm">{t('rejected', { reason: errorText.reason(state.op) })}</p> : null}
      </Card>
      {inWeChat ? (
        <Card>
          <p className="text-sm">{t('wechat')}</p>
        </Card>
      ) : null}
      <Link href="/activity" className="underline">
        {t('back')}
      </Link>
    </div>
  );
}
