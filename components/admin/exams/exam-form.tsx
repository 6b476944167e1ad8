'use client';
import { AudienceFields } from '../audience-fields';
import { useErrorText } from '@/lib/i18n/errors';
import { useTranslations } from '@/lib/i18n/client';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { api, ApiError } from '@/lib/api-client';
import type { ExamSummary } from '@/lib/quiz/types';
import type { Role } from '@/lib/roles';
import type { OrgOption } from '../org-select';
import type { ExamBank, PaperInput } from './paper-field';

// The paper editor (draw rules over the question bank, which itself arrives online after the page) loads beside that
// request rather than in the page's first load (its budget).
const PaperField = lazy(() => import('./paper-field').then((m) => ({ default: m.PaperField })));

const toLocalInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const fromLocalInput = (s: string) => (s ? new Date(s).toISOString() : '');

/** An exam being edited, as GET /api/admin/exams/[id] answers it. */
export interface ExamEditing {
  exam: ExamSummary & { paper: PaperInput };
  opened: boolean;
}

export interface ExamFormProps {
  units: OrgOption[];
  bank: ExamBank;
  /** Called after the exam is created or saved. */
  onCreated: () => void;
  /** Edits this exam instead of creating one: every field before it opens, afterwards only its window and audience. */
  editing?: ExamEditing;
}

/** Creates or edits a formal exam: audience, window, time limit, pass mark, attempts, counting rule, review, and the paper. */
export function ExamForm({ units, bank, onCreated, editing }: ExamFormProps) {
  const t = useTranslations('examAdmin');
  const errorText = useErrorText();
  const now = new Date();
  const exam = editing?.exam;
  const locked = Boolean(editing?.opened);
  const [form, setForm] = useState({
    title: exam?.title ?? '',
    description: exam?.description ?? '',
    roles: exam?.roles ?? (['cadre'] as Role[]),
    orgUnitIds: exam?.orgUnitIds ?? ([] as string[]),
    opensAt: toLocalInput(exam ? new Date(exam.opensAt) : now),
    closesAt: toLocalInput(exam ? new Date(exam.closesAt) : new Date(now.getTime() + 14 * 86_400_000)),
    timeLimitMinutes: exam?.timeLimitMinutes ?? 30,
    passMark: exam?.passMark ?? 60,
    maxAttempts: exam?.maxAttempts ?? 2,
    countingRule: exam?.countingRule ?? ('highest' as 'highest' | 'last'),
    review: exam?.review ?? ('full' as 'none' | 'mine' | 'full'),
    showRanking: exam?.showRanking ?? false,
  });
  const [paper, setPaper] = useState<PaperInput>(exam?.paper ?? { mode: 'random', rules: [{ tag: null, type: 'single', count: 10 }] });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const window = { opensAt: fromLocalInput(form.opensAt), closesAt: fromLocalInput(form.closesAt) };
    // The shared rules (zod) load on the first submit, not with the page (its first-load budget). Once the exam has
    // opened, only what the server still accepts is sent: its window and audience.
    const [{ examEditSchema }, { createExamSchema }, { fieldErrors }] = await Promise.all([
      import('@/lib/validations/admin'),
      import('@/lib/validations/quiz'),
      import('@/lib/validations/field-errors'),
    ]);
    const parsed = locked
      ? examEditSchema.safeParse({ ...window, roles: form.roles, orgUnitIds: form.orgUnitIds })
      : createExamSchema.safeParse({ ...form, ...window, paper });
    if (!parsed.success) {
      setMessage(undefined);
      return setErrors(errorText.fields(fieldErrors(parsed.error)));
    }
    setErrors({});
    try {
      if (exam) {
        await api(`/api/admin/exams/${exam.id}`, { method: 'PUT', body: parsed.data });
        setMessage(t('saved', { title: form.title }));
      } else {
        await api('/api/exams', { method: 'POST', body: parsed.data });
        setMessage(t('created', { title: form.title }));
      }
      onCreated();
    } catch (error) {
      if (error instanceof ApiError) setErrors(errorText.fields(error.fields));
      setMessage(errorText.api(error));
    }
  }

  return (
    <Card aria-labelledby={`exam-form-title-${exam?.id ?? 'new'}`}>
      <h2 id={`exam-form-title-${exam?.id ?? 'new'}`} className="mb-3 text-lg font-bold">
        {exam ? t('editTitle', { title: exam.title }) : t('createTitle')}
      </h2>
      {locked ? <p className="mb-3 text-sm text-muted">{t('openedRule')}</p> : null}
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2">
        <Field label={t('title')} error={errors.title}>
          <TextInput value={form.title} maxLength={80} disabled={locked} onChange={(e) => set({ title: e.target.value })} />
        </Field>
        <Field label={t('description')} error={errors.description}>
          <TextInput value={form.description} maxLength={500} disabled={locked} onChange={(e) => set({ description: e.target.value })} />
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
            disabled={locked}
            value={form.timeLimitMinutes}
            onChange={(e) => set({ timeLimitMinutes: Number(e.target.value) })}
          />
        </Field>
        <Field label={t('passMark')} error={errors.passMark}>
          <TextInput
            type="number"
            min={0}
            max={100}
            disabled={locked}
            value={form.passMark}
            onChange={(e) => set({ passMark: Number(e.target.value) })}
          />
        </Field>
        <Field label={t('maxAttempts')} error={errors.maxAttempts}>
          <TextInput
            type="number"
            min={1}
            max={10}
            disabled={locked}
            value={form.maxAttempts}
            onChange={(e) => set({ maxAttempts: Number(e.target.value) })}
          />
        </Field>
        <Field label={t('countingRule')}>
          <Select value={form.countingRule} disabled={locked} onChange={(e) => set({ countingRule: e.target.value as 'highest' | 'last' })}>
            <option value="highest">{t('highest')}</option>
            <option value="last">{t('last')}</option>
          </Select>
        </Field>
        <Field label={t('review')}>
          <Select value={form.review} disabled={locked} onChange={(e) => set({ review: e.target.value as 'none' | 'mine' | 'full' })}>
            <option value="full">{t('reviewFull')}</option>
            <option value="mine">{t('reviewMine')}</option>
            <option value="none">{t('reviewNone')}</option>
          </Select>
        </Field>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={form.showRanking}
            disabled={locked}
            onChange={(e) => set({ showRanking: e.target.checked })}
          />
          {t('showRanking')}
        </label>
        {locked ? null : (
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <PaperField bank={bank} value={paper} onChange={setPaper} />
          </Suspense>
        )}
        {errors.paper ? (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2">
            {errors.paper}
          </p>
        ) : null}
        <div className="flex flex-col gap-2 sm:col-span-2">
          {message ? <p role="status">{message}</p> : null}
          <Button type="submit">{exam ? t('save') : t('create')}</Button>
        </div>
      </form>
    </Card>
  );
}
