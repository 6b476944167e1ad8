'use client';
import { AudienceFields } from '../audience-fields';
import { useErrorText } from '@/lib/i18n/errors';
import { useTranslations } from '@/lib/i18n/client';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { fieldErrors } from '@/lib/validations/field-errors';
import { api, ApiError } from '@/lib/api-client';
import type { Role } from '@/lib/roles';
import type { OrgOption } from '../org-select';
import { PaperField, type ExamBank, type PaperInput } from './paper-field';

const toLocalInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const fromLocalInput = (s: string) => (s ? new Date(s).toISOString() : '');

/** Creates a formal exam: audience, window, time limit, pass mark, attempts, counting rule, review, and the paper. */
export function ExamForm({ units, bank, onCreated }: { units: OrgOption[]; bank: ExamBank; onCreated: () => void }) {
  const t = useTranslations('examAdmin');
  const errorText = useErrorText();
  const now = new Date();
  const [form, setForm] = useState({
    title: '',
    description: '',
    roles: ['cadre'] as Role[],
    orgUnitIds: [] as string[],
    opensAt: toLocalInput(now),
    closesAt: toLocalInput(new Date(now.getTime() + 14 * 86_400_000)),
    timeLimitMinutes: 30,
    passMark: 60,
    maxAttempts: 2,
    countingRule: 'highest' as 'highest' | 'last',
    review: 'full' as 'none' | 'mine' | 'full',
    showRanking: false,
  });
  const [paper, setPaper] = useState<PaperInput>({ mode: 'random', rules: [{ tag: null, type: 'single', count: 10 }] });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The shared rules (zod) load on the first submit, not with the page (its first-load budget).
    const { createExamSchema } = await import('@/lib/validations/quiz');
    const parsed = createExamSchema.safeParse({
      ...form,
      opensAt: fromLocalInput(form.opensAt),
      closesAt: fromLocalInput(form.closesAt),
      paper,
    });
    if (!parsed.success) {
      setMessage(undefined);
      return setErrors(errorText.fields(fieldErrors(parsed.error)));
    }
    setErrors({});
    try {
      await api('/api/exams', { method: 'POST', body: parsed.data });
      setMessage(t('created', { title: parsed.data.title }));
      onCreated();
    } catch (error) {
      if (error instanceof ApiError) setErrors(errorText.fields(error.fields));
      setMessage(errorText.api(error));
    }
  }

  return (
    <Card aria-labelledby="exam-form-title">
      <h2 id="exam-form-title" className="mb-3 text-lg font-bold">
        {t('createTitle')}
      </h2>
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2">
        <Field label={t('title')} error={errors.title}>
          <TextInput value={form.title} maxLength={80} onChange={(e) => set({ title: e.target.value })} />
        </Field>
        <Field label={t('description')} error={errors.description}>
          <TextInput value={form.description} maxLength={500} onChange={(e) => set({ description: e.target.value })} />
        </Field>
        <AudienceFields roles={form.roles} orgUnitIds={form.orgUnitIds} units={units} errors={errors} onChange={(a) => set(a)} />
        <Field label={t('opensAt')} error={errors.opensAt}>
          <TextInput type="datetime-local" value={form.opensAt} onChange={(e) => set({ opensAt: e.target.value })} />
        </Field>
        <Field label={t('closesAt')} error={errors.closesAt}>
          <TextInput type="datetime-local" value={form.closesAt} onChange={(e) => set({ closesAt: e.target.value })} />
        </Field>
        <Field label={t('timeLimit')} error={errors.timeLimitMinutes}>
          <TextInput
            type="number"
            min={1}
            value={form.timeLimitMinutes}
            onChange={(e) => set({ timeLimitMinutes: Number(e.target.value) })}
          />
        </Field>
        <Field label={t('passMark')} error={errors.passMark}>
          <TextInput type="number" min={0} max={100} value={form.passMark} onChange={(e) => set({ passMark: Number(e.target.value) })} />
        </Field>
        <Field label={t('maxAttempts')} error={errors.maxAttempts}>
          <TextInput
            type="number"
            min={1}
            max={10}
            value={form.maxAttempts}
            onChange={(e) => set({ maxAttempts: Number(e.target.value) })}
          />
        </Field>
        <Field label={t('countingRule')}>
          <Select value={form.countingRule} onChange={(e) => set({ countingRule: e.target.value as 'highest' | 'last' })}>
            <option value="highest">{t('highest')}</option>
            <option value="last">{t('last')}</option>
          </Select>
        </Field>
        <Field label={t('review')}>
          <Select value={form.review} onChange={(e) => set({ review: e.target.value as 'none' | 'mine' | 'full' })}>
            <option value="full">{t('reviewFull')}</option>
            <option value="mine">{t('reviewMine')}</option>
            <option value="none">{t('reviewNone')}</option>
          </Select>
        </Field>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="h-5 w-5" checked={form.showRanking} onChange={(e) => set({ showRanking: e.target.checked })} />
          {t('showRanking')}
        </label>
        <PaperField bank={bank} value={paper} onChange={setPaper} />
        {errors.paper ? (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2">
            {errors.paper}
          </p>
        ) : null}
        <div className="flex flex-col gap-2 sm:col-span-2">
          {message ? <p role="status">{message}</p> : null}
          <Button type="submit">{t('create')}</Button>
        </div>
      </form>
    </Card>
  );
}
