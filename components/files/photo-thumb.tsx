'use client';
import { useEffect, useMemo } from 'react';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { localDb } from '@/lib/local/db';

export interface PhotoThumbProps {
  hash: string;
  alt: string;
  onRemove?: () => void;
}

/**
 * One photo: from the phone while it is kept there (with its upload state), otherwise from the server, which
 * answers only a signed-in person allowed to see it and says no-store, so no cache keeps it for someone else.
 */
export function PhotoThumb({ hash, alt, onRemove }: PhotoThumbProps) {
  const t = useTranslations('photos');
  const errorText = useErrorText();
  // null when the photo is not on this phone (someone else's, or cleared): then it comes from the server.
  const local = useLiveQuery(async () => (await localDb().files.get(hash)) ?? null, [hash]);
  const blob = local?.blob;
  const blobUrl = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(() => () => (blobUrl ? URL.revokeObjectURL(blobUrl) : undefined), [blobUrl]);
  const url = local === undefined ? null : (blobUrl ?? `/api/files/${hash}`);
  const status = local?.status;
  return (
    <figure className="relative w-28">
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- a blob: or private API URL, nothing for next/image to optimise
        <img src={url} alt={alt} className="h-28 w-28 rounded-lg border border-line object-cover" />
      ) : (
        <div className="h-28 w-28 rounded-lg border border-line bg-gray-100" />
      )}
      <figcaption className={`mt-1 text-sm ${status === 'refused' ? 'text-red-700' : 'text-muted'}`}>
        {status === 'pending'
          ? t('pending')
          : status === 'uploaded'
            ? t('uploaded')
            : status === 'refused'
              ? t('refused', { reason: errorText.reason(local) })
              : null}
      </figcaption>
      {onRemove ? (
        <button
          type="button"
          onClick={onRemove}
          aria-label={t('remove')}
          className="absolute top-1 right-1 min-h-8 min-w-8 rounded-full bg-black/60 px-2 text-white"
        >
          ×
        </button>
      ) : null}
    </figure>
  );
}
