'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { useTranslations } from '@/lib/i18n/client';

export interface PlaceValue {
  place: string;
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
}

/** The place as words, and optionally the phone's position with its accuracy (geolocation needs HTTPS). */
export function PlaceField({ value, onChange, error }: { value: PlaceValue; onChange: (v: PlaceValue) => void; error?: string }) {
  const t = useTranslations('activity.form');
  const [status, setStatus] = useState<string | null>(null);
  const locate = () => {
    if (!window.isSecureContext || !navigator.geolocation) return setStatus(t('locateInsecure'));
    setStatus(t('locating'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        onChange({ ...value, latitude: pos.coords.latitude, longitude: pos.coords.longitude, accuracyM: Math.round(pos.coords.accuracy) });
        setStatus(null);
      },
      (err) => setStatus(err.code === err.PERMISSION_DENIED ? t('locateDenied') : t('locateFailed')),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  return (
    <div className="flex flex-col gap-2">
      <Field label={t('place')} error={error}>
        <TextInput name="place" value={value.place} maxLength={120} onChange={(e) => onChange({ ...value, place: e.target.value })} />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={locate}>
          {t('locate')}
        </Button>
        {value.latitude !== null && value.longitude !== null ? (
          <span className="text-sm">
            {t('position', { lat: value.latitude.toFixed(5), lng: value.longitude.toFixed(5), accuracy: value.accuracyM ?? '?' })}{' '}
            <button
              type="button"
              className="underline"
              onClick={() => onChange({ ...value, latitude: null, longitude: null, accuracyM: null })}
            >
              {t('clearPosition')}
            </button>
          </span>
        ) : null}
      </div>
      {status ? (
        <p role="status" className="text-sm text-muted">
          {status}
        </p>
      ) : null}
    </div>
  );
}
