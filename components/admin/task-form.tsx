'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { fieldErrors } from '@/lib/validations/field-errors';
import { api, ApiError } from '@/lib/api-client';
import { localDb } from '@/lib/local/db';
import type { Role } from '@/lib/roles';
import { weekStartOf } from '@/lib/study/week';
import { syncNow } from '@/lib/sync/engine';
import { createTaskSchema } from '@/lib/validations/study';
import { AudienceFields } from './audience-fields';
import type { OrgOption } from './org-select';

/** Assigns a lesson or a whole module to roles in org units for one week. */
export function TaskForm({ units }: { units: OrgOption[] }) {
  const t = useTranslations('admin');
  const locale = useLocale();
  const content = useLiveQuery(async () => ({
    modules: await localDb().modules.orderBy('sortOrder').toArray(),
    lessons: await localDb().lessons.toArray(),
  }));
  const [kind, setKind] = useState<'lesson' | 'module'>('module');
  const [form, setForm] = useState({
    weekStart: weekStartOf(new Date()),
    target: '',
    roles: ['cadre'] as Role[],
    orgUnitIds: [] as string[],
    note: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      weekStart: form.weekStart,
      lessonId: kind === 'lesson' ? form.target || null : null,
      moduleId: kind === 'module' ? form.target || null : null,
      roles: form.roles,
      orgUnitIds: form.orgUnitIds,
      note: form.note,
    };
    const parsed = createTaskSchema.safeParse(input);
    if (!parsed.success) {
      setMessage(undefined);
      return setErrors(fieldErrors(parsed.error));
    }
    setErrors({});
    try {
      await api('/api/tasks', { method: 'POST', body: parsed.data });
      setMessage(t('taskCreated'));
      void syncNow();
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields);
      setMessage(error instanceof ApiError ? error.message : String(error));
    }
  }

  return (
    <Card aria-labelledby="tasks-admin-title">
      <h2 id="tasks-admin-title" className="mb-3 text-lg font-bold">
        {t('tasksTitle')}
      </h2>
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2">
        <Field label={t('weekStart')} error={errors.weekStart}>
          <TextInput type="date" value={form.weekStart} onChange={(e) => setForm({ ...form, weekStart: e.target.value })} />
        </Field>
        <Field label={t('target')} error={errors.lessonId ?? errors.moduleId}>
          <div className="flex gap-2">
            <Select
              value={kind}
              onChange={(e) => (setKind(e.target.value as 'lesson' | 'module'), setForm({ ...form, target: '' }))}
              className="w-auto"
            >
              <option value="module">{t('module')}</option>
              <option value="lesson">{t('lesson')}</option>
            </Select>
            <Select value={form.target} onChange={(e) => setForm({ ...form, target: e.target.value })}>
              <option value="">—</option>
              {kind === 'module'
                ? content?.modules.map((m) => (
                    <option key={m.id} value={m.id}>
                      {locale === 'zh' ? m.title.zh : m.title.en}
                    </option>
                  ))
                : content?.lessons.map((l) => (
                    <option key={l.id} value={l.id}>
                      {locale === 'zh' ? l.title : l.titleEn}
                    </option>
                  ))}
            </Select>
          </div>
        </Field>
        <AudienceFields
          roles={form.roles}
          orgUnitIds={form.orgUnitIds}
          units={units}
          errors={errors}
          onChange={(a) => setForm({ ...form, ...a })}
        />
        <Field label={t('note')} error={errors.note}>
          <TextInput value={form.note} maxLength={200} onChange={(e) => setForm({ ...form, note: e.target.value })} />
        </Field>
        <div className="flex flex-col gap-2 sm:col-span-2">
          {message ? <p role="status">{message}</p> : null}
          <Button type="submit">{t('createTask')}</Button>
        </div>
      </form>
    </Card>
  );
}
