'use client';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { PhotoPicker } from '@/components/files/photo-picker';
import { OrgSelect } from '@/components/admin/org-select';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useProfile } from '@/hooks/use-profile';
import {
  ACTIVITY_KINDS,
  DUTY_KINDS,
  DUTY_OUTCOMES,
  MATERIALS,
  STUDY_KINDS,
  isDutyKind,
  periodOf,
  type ActivityKind,
  type ActivityRecord,
} from '@/lib/activity/types';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { useRouter } from '@/lib/i18n/navigation';
import { localDb, type LocalProfile } from '@/lib/local/db';
import { syncSoon } from '@/lib/sync/soon';
import { fieldErrors } from '@/lib/validations/field-errors';
import { PlaceField } from './place-field';
import { fromLocalInput, toLocalInput, useActivityContext } from './use-activity-data';

/** 登记活动 / edit: every field of the issue, checked by the same zod schema the op and the server use, saved offline. */
type Draft = Record<string, string | number | null | string[]>;

function initialDraft(profile: LocalProfile, existing: ActivityRecord | undefined): Draft {
  if (existing)
    return { ...existing, startsAt: toLocalInput(existing.startsAt), endsAt: toLocalInput(existing.endsAt) } as unknown as Draft;
  const start = new Date();
  start.setMinutes(0, 0, 0);
  const end = new Date(start.getTime() + 2 * 3600_000);
  const duty = profile.role === 'villager';
  return {
    title: '',
    kind: duty ? 'dutyDispute' : profile.role === 'cadre' ? 'study' : 'publicity',
    studyKind: null,
    dutyOutcome: null,
    themeId: null,
    orgUnitId: profile.orgUnitId ?? '',
    place: '',
    latitude: null,
    longitude: null,
    accuracyM: null,
    startsAt: toLocalInput(start.toISOString()),
    endsAt: toLocalInput(end.toISOString()),
    hostName: profile.name,
    staff: '',
    audience: 0,
    banners: 0,
    posters: 0,
    leaflets: 0,
    brochures: 0,
    gifts: 0,
    notes: '',
    photos: [],
  };
}

export function ActivityForm() {
  const profile = useProfile();
  const id = useSearchParams().get('id');
  const existing = useLiveQuery(async () => (id ? ((await localDb().activities.get(id)) ?? null) : null), [id]);
  const t = useTranslations('activity');
  if (!profile || existing === undefined) return <p role="status">{t('loading')}</p>;
  if (id && !existing) return <p role="alert">{t('notFound')}</p>;
  return <FormBody key={existing?.id ?? 'new'} profile={profile} existing={existing ?? undefined} />;
}

function FormBody({ profile, existing }: { profile: LocalProfile; existing?: ActivityRecord }) {
  const t = useTranslations('activity');
  const tf = useTranslations('activity.form');
  const router = useRouter();
  const context = useActivityContext();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(profile, existing));
  const [ownerId] = useState(() => existing?.id ?? crypto.randomUUID());
  const errorText = useErrorText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = (patch: Draft) => setDraft((d) => ({ ...d, ...patch }));
  const kind = draft.kind as ActivityKind;
  const kinds = profile.role === 'villager' ? DUTY_KINDS : ACTIVITY_KINDS;

  const num = (name: string) => (
    <Field key={name} label={tf(name)} error={errors[name]}>
      <TextInput
        name={name}
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        value={String(draft[name] ?? '')}
        onChange={(e) => set({ [name]: e.target.value === '' ? '' : Number(e.target.value) })}
      />
    </Field>
  );

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const candidate: Draft = { ...draft, startsAt: fromLocalInput(String(draft.startsAt)), endsAt: fromLocalInput(String(draft.endsAt)) };
    for (const key of ['audience', ...MATERIALS]) if (candidate[key] === '') candidate[key] = null;
    // The shared rules (zod) load on the first submit, not with the page (its first-load budget).
    const { activityFieldsSchema } = await import('@/lib/validations/activity');
    const parsed = activityFieldsSchema.safeParse(candidate);
    if (!parsed.success) return setErrors(errorText.fields(fieldErrors(parsed.error)));
    const period = periodOf(parsed.data.startsAt);
    if (context?.locked.has(period) || (existing && context?.locked.has(periodOf(existing.startsAt))))
      return setErrors({ _: tf('locked', { period }) });
    setSaving(true);
    const { saveActivity } = await import('@/lib/local/activity');
    const saved = await saveActivity(parsed.data, profile.id, existing);
    syncSoon();
    router.replace(`/activity/view?id=${saved.id}`);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{existing ? tf('editTitle') : tf('newTitle')}</h1>
      <Card className="flex flex-col gap-3">
        <Field label={tf('title')} error={errors.title}>
          <TextInput name="title" value={String(draft.title)} maxLength={80} onChange={(e) => set({ title: e.target.value })} />
        </Field>
        <Field label={tf('kind')} error={errors.kind}>
          <Select name="kind" value={kind} onChange={(e) => set({ kind: e.target.value })}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {kind === 'study' ? (
          <Field label={tf('studyKind')} error={errors.studyKind}>
            <Select name="studyKind" value={String(draft.studyKind ?? '')} onChange={(e) => set({ studyKind: e.target.value || null })}>
              <option value="">—</option>
              {STUDY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`studyKinds.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {isDutyKind(kind) ? (
          <Field label={tf('dutyOutcome')} error={errors.dutyOutcome}>
            <Select
              name="dutyOutcome"
              value={String(draft.dutyOutcome ?? '')}
              onChange={(e) => set({ dutyOutcome: e.target.value || null })}
            >
              <option value="">—</option>
              {DUTY_OUTCOMES.map((k) => (
                <option key={k} value={k}>
                  {t(`outcomes.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label={tf('theme')} error={errors.themeId}>
          <Select name="themeId" value={String(draft.themeId ?? '')} onChange={(e) => set({ themeId: e.target.value || null })}>
            <option value="">{tf('noTheme')}</option>
            {(context?.themes ?? [])
              .filter((th) => th.active || th.id === draft.themeId)
              .map((th) => (
                <option key={th.id} value={th.id}>
                  {th.name}
                </option>
              ))}
          </Select>
        </Field>
        <Field label={tf('orgUnit')} error={errors.orgUnitId}>
          {context?.orgUnits.length ? (
            <OrgSelect
              name="orgUnitId"
              units={context.orgUnits}
              value={String(draft.orgUnitId)}
              onChange={(v) => set({ orgUnitId: String(v) })}
            />
          ) : (
            <Select name="orgUnitId" value={String(draft.orgUnitId)} onChange={(e) => set({ orgUnitId: e.target.value })}>
              {profile.orgUnitId ? <option value={profile.orgUnitId}>{profile.orgUnitName}</option> : <option value="">—</option>}
            </Select>
          )}
        </Field>
        <PlaceField
          value={{
            place: String(draft.place),
            latitude: draft.latitude as number | null,
            longitude: draft.longitude as number | null,
            accuracyM: draft.accuracyM as number | null,
          }}
          onChange={(v) => set({ ...v })}
          error={errors.place}
        />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label={tf('startsAt')} error={errors.startsAt}>
            <TextInput
              name="startsAt"
              type="datetime-local"
              value={String(draft.startsAt)}
              onChange={(e) => set({ startsAt: e.target.value })}
            />
          </Field>
          <Field label={tf('endsAt')} error={errors.endsAt}>
            <TextInput name="endsAt" type="datetime-local" value={String(draft.endsAt)} onChange={(e) => set({ endsAt: e.target.value })} />
          </Field>
        </div>
        <Field label={tf('hostName')} error={errors.hostName}>
          <TextInput name="hostName" value={String(draft.hostName)} maxLength={60} onChange={(e) => set({ hostName: e.target.value })} />
        </Field>
        <Field label={tf('staff')} hint={tf('staffHint')} error={errors.staff}>
          <TextInput name="staff" value={String(draft.staff)} maxLength={300} onChange={(e) => set({ staff: e.target.value })} />
        </Field>
        {num('audience')}
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="font-bold">{tf('materials')}</h2>
        <div className="grid grid-cols-2 gap-3">{MATERIALS.map((m) => num(m))}</div>
      </Card>
      <Card className="flex flex-col gap-3">
        <Field label={tf('notes')} error={errors.notes}>
          <textarea
            name="notes"
            value={String(draft.notes)}
            maxLength={2000}
            rows={3}
            onChange={(e) => set({ notes: e.target.value })}
            className="w-full rounded-lg border border-line bg-surface p-3 text-base"
          />
        </Field>
        <PhotoPicker ownerId={ownerId} value={draft.photos as string[]} onChange={(photos) => set({ photos })} />
      </Card>
      {errors._ || Object.keys(errors).length ? (
        <p role="alert" className="text-red-700">
          {errors._ ?? tf('fixErrors')}
        </p>
      ) : null}
      <Button type="submit" disabled={saving}>
        {tf('save')}
      </Button>
      <p className="text-sm text-muted">{tf('offlineNote')}</p>
    </form>
  );
}
