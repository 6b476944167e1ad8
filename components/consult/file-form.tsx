'use client';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { uuidv7 } from '@/lib/local/uuid';
import { PhotoPicker } from '@/components/files/photo-picker';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { useProfile } from '@/hooks/use-profile';
import {
  CONSULT_CATEGORIES,
  DEFAULT_RETENTION_MONTHS,
  STAFF_CHANNELS,
  type ConsultCategory,
  type ConsultChannel,
} from '@/lib/consult/types';
import { useTranslations } from '@/lib/i18n/client';
import { useRouter } from '@/lib/i18n/navigation';
import { isQuotaError } from '@/lib/local/errors';
import { syncSoon } from '@/lib/sync/soon';
import { isPhone } from '@/lib/validations/phone';
import { ConsentNotice } from './consent-notice';
import { useVillages } from './use-villages';

// The consultation writer (outbox, deadlines) loads when it is used, not with the form.
const loadConsult = () => import('@/lib/local/consult');

/**
 * Filing a request, offline: the person's own (after the separate consent), a neighbour's by a 法律明白人, or
 * (?mode=case) a case staff log from another channel. Saved on the phone with its op and shown as waiting.
 */
export function FileForm() {
  const t = useTranslations('consult');
  const profile = useProfile();
  const router = useRouter();
  const villages = useVillages();
  const params = useSearchParams();
  const mode = params.get('mode');
  const caseMode = mode === 'case';
  // Walk-in advice at a 法律咨询服务 event (/consult/new?mode=walkin&activity=…): a few taps, no consent screen
  // (staff record advice given face to face), resolved when recorded.
  const walkIn = mode === 'walkin' ? params.get('activity') : null;
  const [id, setId] = useState(() => uuidv7());
  const [notice, setNotice] = useState<string>();
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [consented, setConsented] = useState<boolean>();
  const [channel, setChannel] = useState<ConsultChannel>(caseMode ? 'screening' : 'app');
  const [category, setCategory] = useState<ConsultCategory | ''>('');
  const [villageId, setVillageId] = useState('');
  const [description, setDescription] = useState('');
  const [forOther, setForOther] = useState(false);
  const [requesterName, setRequesterName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [callBack, setCallBack] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadConsult()
      .then((m) => m.consentGiven())
      .then((c) => setConsented(Boolean(c)));
  }, []);

  // The person's own village is chosen until they pick another.
  const village = villageId || (villages?.some((v) => v.id === profile?.orgUnitId) ? (profile?.orgUnitId ?? '') : '');
  if (!profile || consented === undefined) return <p role="status">{t('loading')}</p>;
  const staff = profile.role === 'admin' || profile.role === 'lawyer';
  const channels: ConsultChannel[] = staff ? [...STAFF_CHANNELS] : ['screening'];
  if (!caseMode && !consented)
    return (
      <ConsentNotice
        retentionMonths={DEFAULT_RETENTION_MONTHS}
        onAgree={() =>
          void loadConsult()
            .then((m) => m.giveConsent())
            .then(() => setConsented(true))
        }
      />
    );
  const canFileForOther = staff || profile.legalLiterate;
  const namedRequester = caseMode || forOther || Boolean(walkIn);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!category) found.category = t('errors.category');
    if (!village) found.village = t('errors.village');
    if (!description.trim()) found.description = t('errors.description');
    if (forOther && !requesterName.trim()) found.requesterName = t('errors.requesterName');
    if (contactPhone.trim() && !isPhone(contactPhone)) found.contactPhone = t('errors.phone');
    if (callBack && !contactPhone.trim() && (forOther || caseMode)) found.contactPhone = t('errors.callBackPhone');
    setErrors(found);
    setNotice(undefined);
    if (Object.keys(found).length || !profile || !category) return;
    setBusy(true);
    try {
      const chosen = villages?.find((v) => v.id === village);
      const { fileConsultation } = await loadConsult();
      const saved = await fileConsultation(
        {
          id,
          channel: walkIn ? 'walk-in' : caseMode ? channel : 'app',
          activityId: walkIn,
          photoIds,
          category,
          villageId: village,
          villageName: chosen?.name ?? '',
          description: description.trim(),
          requesterName: namedRequester ? requesterName.trim() : '',
          contactPhone: contactPhone.trim(),
          callBack,
          forOther: !caseMode && !walkIn && forOther,
        },
        profile,
        t('opLabel', { category: t(`category.${category}`) }),
      );
      syncSoon();
      if (walkIn) {
        // Next person: the form stays for the following walk-in.
        setId(uuidv7());
        setDescription('');
        setRequesterName('');
        setNotice(t('walkInSaved', { category: t(`category.${category}`) }));
        setBusy(false);
        return;
      }
      router.replace(`/consult/item?id=${saved}`);
    } catch (error) {
      setErrors({ form: isQuotaError(error) ? t('errors.quota') : String(error) });
      setBusy(false);
    }
  }

  return (
    <Card>
      <h1 className="text-xl font-bold">{walkIn ? t('walkInTitle') : caseMode ? t('logCase') : t('fileNew')}</h1>
      <form onSubmit={submit} noValidate className="mt-3 flex flex-col gap-3">
        {walkIn ? null : caseMode ? (
          <Field label={t('channelLabel')}>
            <Select value={channel} onChange={(e) => setChannel(e.target.value as ConsultChannel)}>
              {channels.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
        ) : canFileForOther ? (
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1 h-5 w-5" checked={forOther} onChange={(e) => setForOther(e.target.checked)} />
            <span>{t('forOther')}</span>
          </label>
        ) : null}
        {namedRequester ? (
          <Field label={forOther ? t('requesterName') : t('requesterNameOptional')} error={errors.requesterName}>
            <TextInput value={requesterName} maxLength={40} onChange={(e) => setRequesterName(e.target.value)} />
          </Field>
        ) : null}
        <Field label={t('categoryLabel')} error={errors.category}>
          <Select value={category} onChange={(e) => setCategory(e.target.value as ConsultCategory)}>
            <option value="">{t('choose')}</option>
            {CONSULT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('villageLabel')} error={errors.village} hint={villages ? undefined : t('villagesOffline')}>
          <Select value={village} onChange={(e) => setVillageId(e.target.value)}>
            <option value="">{t('choose')}</option>
            {(villages ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.level === 'hamlet' ? '\u3000' : ''}
                {v.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={walkIn ? t('walkInLine') : t('descriptionLabel')}
          error={errors.description}
          hint={walkIn ? undefined : t('descriptionHint')}
        >
          <textarea
            value={description}
            maxLength={2000}
            rows={walkIn ? 2 : 5}
            onChange={(e) => setDescription(e.target.value)}
            className="w-full rounded-lg border border-line bg-surface p-3 text-base"
          />
        </Field>
        {walkIn ? null : <PhotoPicker ownerId={id} value={photoIds} onChange={setPhotoIds} />}
        {walkIn ? null : (
          <Field
            label={t('phoneLabel')}
            error={errors.contactPhone}
            hint={namedRequester ? undefined : t('phoneHint', { phone: profile.phone })}
          >
            <TextInput
              type="tel"
              inputMode="numeric"
              value={contactPhone}
              maxLength={11}
              onChange={(e) => setContactPhone(e.target.value)}
            />
          </Field>
        )}
        {walkIn ? null : (
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1 h-5 w-5" checked={callBack} onChange={(e) => setCallBack(e.target.checked)} />
            <span>{t('callBack')}</span>
          </label>
        )}
        {errors.form ? (
          <p role="alert" className="text-red-700">
            {errors.form}
          </p>
        ) : null}
        <Button type="submit" disabled={busy}>
          {walkIn ? t('walkInSubmit') : t('submit')}
        </Button>
        {notice ? <p role="status">{notice}</p> : null}
        <p className="text-sm text-muted">{t('offlineNote')}</p>
      </form>
    </Card>
  );
}
