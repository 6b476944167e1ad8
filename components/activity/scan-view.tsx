'use client';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { useLiveQuery } from '@/hooks/use-live-query';
import { checkInPath, parseScanned } from '@/lib/activity/links';
import { useTranslations } from '@/lib/i18n/client';
import { useRouter } from '@/lib/i18n/navigation';
import { recordCheckIn } from '@/lib/local/activity';
import { localDb } from '@/lib/local/db';
import { syncSoon } from '@/lib/sync/soon';

/**
 * 扫码: an attendee scans an activity's code and goes to its check-in page; a host (?host=<activity>) scans people's
 * personal codes. The camera and the decoder load only here. Without a secure context (plain http) there is no
 * camera: the page says so and takes the link or code typed in.
 */
export function ScanView() {
  const hostFor = useSearchParams().get('host');
  const t = useTranslations('activity.scan');
  const router = useRouter();
  const video = useRef<HTMLVideoElement>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | null>(null);
  const [typed, setTyped] = useState('');
  const activity = useLiveQuery(async () => (hostFor ? ((await localDb().activities.get(hostFor)) ?? null) : null), [hostFor]);
  const [secure] = useState(
    () => typeof window === 'undefined' || (window.isSecureContext && Boolean(navigator.mediaDevices?.getUserMedia)),
  );
  const last = useRef('');

  async function handle(text: string) {
    if (text === last.current) return;
    last.current = text;
    const scanned = parseScanned(text);
    if (!hostFor) {
      if (scanned.kind === 'activity') return router.push(checkInPath(scanned.activityId, scanned.code));
      return setMessage({ text: scanned.kind === 'person' ? t('personNotActivity') : t('unknown'), bad: true });
    }
    if (scanned.kind === 'activity')
      return setMessage({ text: scanned.activityId === hostFor ? t('ownActivityCode') : t('otherActivityCode'), bad: true });
    if (scanned.kind !== 'person') return setMessage({ text: t('unknown'), bad: true });
    const name = scanned.name || t('someone');
    const added = await recordCheckIn(
      hostFor,
      { kind: 'user', userId: scanned.userId, name, orgUnitId: null },
      'hostScan',
      activity?.title ?? '',
    );
    setMessage({ text: added ? t('added', { name }) : t('already', { name }) });
    syncSoon();
    setTimeout(() => (last.current = ''), 2500);
  }

  useEffect(() => {
    if (!running || !video.current) return;
    let stop = false;
    let stream: MediaStream | undefined;
    const el = video.current;
    void (async () => {
      try {
        const { createDecoder, openCamera } = await import('@/lib/activity/qr-decode');
        stream = await openCamera(el);
        const decode = await createDecoder();
        while (!stop) {
          const text = await decode(el);
          if (text) await handle(text);
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        setMessage({ text: t('cameraFailed'), bad: true });
        setRunning(false);
      }
    })();
    return () => {
      stop = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
    // handle reads the latest props through refs and router; restarting the camera on each render would flicker.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running]);

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{hostFor ? t('hostTitle') : t('title')}</h1>
      {hostFor && activity ? <p className="text-muted">{activity.title}</p> : null}
      <Card className="flex flex-col gap-3">
        {secure ? (
          <>
            <video ref={video} muted playsInline className={`w-full rounded-lg bg-black ${running ? '' : 'hidden'}`} />
            <Button onClick={() => setRunning((r) => !r)}>{running ? t('stop') : t('start')}</Button>
            <p className="text-sm text-muted">{hostFor ? t('hostHint') : t('hint')}</p>
          </>
        ) : (
          <p role="alert">{t('insecure')}</p>
        )}
        {message ? (
          <p role={message.bad ? 'alert' : 'status'} className={message.bad ? 'text-red-700' : 'font-medium'}>
            {message.text}
          </p>
        ) : null}
      </Card>
      <Card>
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            last.current = '';
            void handle(typed);
          }}
        >
          <Field label={hostFor ? t('typePerson') : t('typeLink')}>
            <TextInput name="code" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </Field>
          <Button type="submit" variant="secondary">
            {t('submit')}
          </Button>
        </form>
      </Card>
    </div>
  );
}
