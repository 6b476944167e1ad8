'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useErrorText } from '@/lib/i18n/errors';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useState, type FormEvent } from 'react';
import { uuidv7 } from '@/lib/local/uuid';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { fieldErrors } from '@/lib/validations/field-errors';
import { api, ApiError } from '@/lib/api-client';
import { localDb } from '@/lib/local/db';
import type { Role } from '@/lib/roles';
import type { StudyTaskRecord } from '@/lib/study/types';
import { weekStartOf } from '@/lib/study/week';
import { syncNow } from '@/lib/sync/engine';
import { AudienceFields } from './audience-fields';
import type { OrgOption } from './org-select';

export interface TaskFormProps {
  units: OrgOption[];
  /** The task being edited; without it the form makes a new one. */
  editing?: StudyTaskRecord;
  onSaved?: () => void;
  onCancel?: () => void;
}

/**
 * Assigns a lesson or a whole module to roles in org units for one week, or edits an assigned task. The form carries
 * an id made when it is filled in, so a second tap (or a retry after a lost answer) does not make a second task.
 */
export function TaskForm({ units, editing, onSaved, onCancel }: TaskFormProps) {
  const t = useTranslations('admin');
  const errorText = useErrorText();
  const locale = useLocale();
  const content = useLiveQuery(async () => ({
    modules: await localDb().modules.orderBy('sortOrder').toArray(),
    lessons: await localDb().lessons.toArray(),
  }));
  const [kind, setKind] = useState<'lesson' | 'module'>(editing?.lessonId ? 'lesson' : 'module');
  const blank = {
    weekStart: weekStartOf(new Date()),
    target: '',
    roles: ['cadre'] as Role[],
    orgUnitIds: [] as string[],
    note: '',
  };
  const [form, setForm] = useState(
    editing
      ? {
          weekStart: editing.weekStart,
          target: editing.lessonId ?? editing.moduleId ?? '',
          roles: editing.roles,
          orgUnitIds: editing.orgUnitIds,
          note: editing.note,
        }
      : blank,
  );
  const [formId, setFormId] = useState(() => uuidv7());
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const input = {
      ...(editing ? {} : { id: formId }),
      weekStart: form.weekStart,
      lessonId: kind === 'lesson' ? form.target || null : null,
      moduleId: kind === 'module' ? form.target || null : null,
      roles: form.roles,
      orgUnitIds: form.orgUnitIds,
      note: form.note,
    };
    // The shared rules (zod) load on the first submit, not with the page (its first-load budget).
    const { createTaskSchema } = await import('@/lib/validations/study');
    const parsed = createTaskSchema.safeParse(input);
    if (!parsed.success) {
      setMessage(undefined);
      return setErrors(errorText.fields(fieldErrors(parsed.error)));
    }
    setErrors({});
    setBusy(true);
    try {
      if (editing) {
        await api(`/api/tasks/${editing.id}`, { method: 'PUT', body: parsed.data });
        setMessage(t('taskSaved'));
      } else {
        const made = await api<{ duplicate: boolean }>('/api/tasks', { method: 'POST', body: parsed.data });
        setMessage(made.duplicate ? t('taskExists') : t('taskCreated'));
        setFormId(uuidv7());
      }
      onSaved?.();
      void syncNow();
    } catch (error) {
      if (error instanceof ApiError) setErrors(errorText.fields(error.fields));
      setMessage(errorText.api(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card aria-labelledby={editing ? `task-edit-${editing.id}` : 'tasks-admin-title'}>
      <h2 id={editing ? `task-edit-${editing.id}` : 'tasks-admin-title'} className="mb-3 text-lg font-bold">
        {editing ? t('editTask') : t('tasksTitle')}
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
                : content?.modules.map((m) => (
                    <optgroup key={m.id} label={locale === 'zh' ? m.title.zh : m.title.en}>
                      {content.lessons
                        .filter((l) => l.moduleId === m.id)
                        .sort((a, b) => a.sortOrder - b.sortOrder)
                        .map((l) => (
                          <option key={l.id} value={l.id}>
                            {locale === 'zh' ? l.title : l.titleEn}
                          </option>
                        ))}
                    </optgroup>
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
          <Button type="submit" disabled={busy}>
            {editing ? t('saveTask') : t('createTask')}
          </Button>
          {onCancel ? (
            <Button type="button" variant="secondary" onClick={onCancel}>
              {t('cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
