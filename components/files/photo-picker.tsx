'use client';
import { useId, useState } from 'react';
import { MAX_PHOTOS_PER_RECORD } from '@/lib/constants';
import { useTranslations } from '@/lib/i18n/client';
import { PhotoThumb } from './photo-thumb';

export interface PhotoPickerProps {
  ownerId: string;
  value: string[];
  onChange: (hashes: string[]) => void;
  max?: number;
}

/** Take or choose photos: each is resized and kept on the phone (lib/local/files.ts), and its hash goes in the form. */
export function PhotoPicker({ ownerId, value, onChange, max = MAX_PHOTOS_PER_RECORD }: PhotoPickerProps) {
  const t = useTranslations('photos');
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pick(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    const next = [...value];
    try {
      for (const file of Array.from(files)) {
        if (next.length >= max) break;
        // Resizing and hashing load with the first photo, not with the form.
        const { addPhoto } = await import('@/lib/local/files');
        const photo = await addPhoto(file, ownerId);
        if (!next.includes(photo.hash)) next.push(photo.hash);
      }
    } catch {
      setError(t('unreadable'));
    } finally {
      setBusy(false);
      onChange(next);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <span className="font-medium">{t('label')}</span>
      <div className="flex flex-wrap gap-2">
        {value.map((hash, i) => (
          <PhotoThumb key={hash} hash={hash} alt={t('alt', { n: i + 1 })} onRemove={() => onChange(value.filter((h) => h !== hash))} />
        ))}
      </div>
      {value.length < max ? (
        <label
          htmlFor={id}
          className="inline-flex min-h-11 w-fit cursor-pointer items-center rounded-lg border border-line bg-surface px-4 font-medium"
        >
          {busy ? t('working') : t('add')}
          <input
            id={id}
            type="file"
            accept="image/*"
            multiple
            className="sr-only"
            disabled={busy}
            onChange={(e) => {
              void pick(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      ) : null}
      <span className="text-sm text-muted">{t('hint', { max })}</span>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
