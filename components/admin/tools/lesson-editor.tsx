'use client';
import { useEffect, useMemo, useState } from 'react';
import { Markdown } from '@/components/study/markdown';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { parseMarkdown } from '@/lib/markdown';
import type { LessonInput } from '@/lib/validations/admin';
import { CitationPicker } from './citation-picker';

export interface LessonEditorProps {
  lessonId: string | null;
  moduleId: string;
  modules: { id: string; titleZh: string }[];
  onDone: () => void;
}

const empty = (moduleId: string): LessonInput => ({ moduleId, title: '', titleEn: '', minutes: 5, body: '', cites: [] });

/**
 * One lesson: Markdown with a live preview rendered by the phone's own renderer, citations picked from the law
 * library, saved as a draft and published when ready.
 */
export function LessonEditor({ lessonId, moduleId, modules, onDone }: LessonEditorProps) {
  const t = useTranslations('adminTools');
  const errorText = useErrorText();
  const [id, setId] = useState(lessonId);
  const [form, setForm] = useState<LessonInput>(empty(moduleId));
  const [status, setStatus] = useState<string>('draft');
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const preview = useMemo(() => parseMarkdown(form.body), [form.body]);

  useEffect(() => {
    if (lessonId)
      void api<LessonInput & { status: string }>(`/api/admin/lessons/${lessonId}`).then(({ status: s, ...rest }) => {
        setForm(rest);
        setStatus(s);
      });
  }, [lessonId]);

  const set = <K extends keyof LessonInput>(key: K, value: LessonInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fail = (e: unknown) => setError(errorText.api(e));

  async function save(): Promise<string | null> {
    setError(undefined);
    try {
      const saved = id
        ? await api<{ id: string }>(`/api/admin/lessons/${id}`, { method: 'PUT', body: form })
        : await api<{ id: string }>('/api/admin/lessons', { method: 'POST', body: form });
      setId(saved.id);
      setMessage(t('savedDraft'));
      return saved.id;
    } catch (e) {
      fail(e);
      return null;
    }
  }

  async function publish() {
    const saved = await save();
    if (!saved) return;
    await api(`/api/admin/lessons/${saved}`, { method: 'PATCH', body: { action: 'publish' } })
      .then(() => (setStatus('published'), setMessage(t('publishedNote'))))
      .catch(fail);
  }

  async function remove() {
    if (!id || !window.confirm(t('deleteConfirm'))) return;
    await api<{ status: string }>(`/api/admin/lessons/${id}`, { method: 'PATCH', body: { action: 'delete' } })
      .then(onDone)
      .catch(fail);
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="ghost" onClick={onDone}>
          {t('back')}
        </Button>
        <h2 className="text-lg font-bold">{id ? t('editLesson') : t('newLesson')}</h2>
        <span className="rounded bg-black/5 px-2 text-sm">{t(`status.${status}`)}</span>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="flex flex-col gap-3">
          <Field label={t('module')}>
            <Select value={form.moduleId} onChange={(e) => set('moduleId', e.target.value)}>
              {modules.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.titleZh}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('lessonTitle')}>
            <TextInput value={form.title} onChange={(e) => set('title', e.target.value)} />
          </Field>
          <Field label={t('lessonTitleEn')}>
            <TextInput value={form.titleEn} onChange={(e) => set('titleEn', e.target.value)} />
          </Field>
          <Field label={t('minutes')}>
            <TextInput type="number" min={1} max={60} value={form.minutes} onChange={(e) => set('minutes', Number(e.target.value))} />
          </Field>
          <Field label={t('body')} hint={t('bodyHint')}>
            <textarea
              className="min-h-64 w-full rounded-lg border border-line bg-surface p-3 font-mono text-base"
              value={form.body}
              onChange={(e) => set('body', e.target.value)}
            />
          </Field>
          <CitationPicker legend={t('cites')} value={form.cites} onChange={(cites) => set('cites', cites)} />
        </Card>
        <Card aria-label={t('preview')}>
          <h3 className="mb-2 font-bold text-muted">{t('previewTitle')}</h3>
          <h1 className="mb-3 text-xl font-bold">{form.title}</h1>
          <Markdown blocks={preview} />
        </Card>
      </div>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {message && !error ? <p role="status">{message}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void save()}>
          {t('saveDraft')}
        </Button>
        <Button onClick={() => void publish()}>{t('publish')}</Button>
        {id ? (
          <Button variant="danger" onClick={() => void remove()}>
            {t('delete')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
