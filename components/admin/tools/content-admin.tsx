'use client';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import type { ModuleInput } from '@/lib/validations/admin';
import { LessonEditor } from './lesson-editor';

interface ContentModule {
  id: string;
  titleZh: string;
  titleEn: string;
  status: string;
  lessons: { id: string; title: string; status: string; pendingEdit: boolean }[];
}

const blankModule: ModuleInput = { theme: '', titleZh: '', titleEn: '', summaryZh: '', summaryEn: '' };

/** 内容: modules and their lessons with their state; open a lesson to edit it, or start a new one. */
export function ContentAdmin() {
  const t = useTranslations('adminTools');
  const errorText = useErrorText();
  const [modules, setModules] = useState<ContentModule[]>([]);
  const [editing, setEditing] = useState<{ lessonId: string | null; moduleId: string }>();
  const [draft, setDraft] = useState<ModuleInput>(blankModule);
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<{ id: string; action: 'archive' | 'delete' }>();
  const [notice, setNotice] = useState<string>();
  const tc = useTranslations('common');

  const load = useCallback(() => {
    void api<{ modules: ContentModule[] }>('/api/admin/content').then((d) => setModules(d.modules));
  }, []);
  useEffect(load, [load]);

  if (editing)
    return (
      <LessonEditor
        lessonId={editing.lessonId}
        moduleId={editing.moduleId}
        modules={modules}
        onDone={() => {
          setEditing(undefined);
          load();
        }}
      />
    );

  async function addModule() {
    setError(undefined);
    await api('/api/admin/modules', { method: 'POST', body: draft })
      .then(() => (setDraft(blankModule), load()))
      .catch((e: unknown) => setError(errorText.api(e)));
  }

  async function retire(m: ContentModule, action: 'archive' | 'delete') {
    setConfirming(undefined);
    setNotice(undefined);
    setError(undefined);
    try {
      const { status } = await api<{ status: 'archived' | 'deleted' }>(`/api/admin/modules/${m.id}`, { method: 'PATCH', body: { action } });
      const key = status === 'deleted' ? 'moduleDeleted' : action === 'delete' ? 'moduleArchivedInstead' : 'moduleArchived';
      setNotice(t(key, { module: m.titleZh }));
    } catch (e) {
      setError(errorText.api(e));
    }
    load();
  }

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('contentTitle')}</h1>
      <p className="text-muted">{t('contentRule')}</p>
      {notice ? <p role="status">{notice}</p> : null}
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {modules.map((m) => (
        <Card key={m.id} aria-label={m.titleZh} className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="font-bold">
              {m.titleZh} <span className="text-sm font-normal text-muted">{t(`status.${m.status}`)}</span>
            </h2>
            {m.status === 'archived' ? null : (
              <Button variant="secondary" onClick={() => setEditing({ lessonId: null, moduleId: m.id })}>
                {t('newLessonIn', { module: m.titleZh })}
              </Button>
            )}
          </div>
          {m.status === 'archived' ? null : confirming?.id === m.id ? (
            <div
              role="group"
              aria-label={t(confirming.action === 'archive' ? 'archiveModule' : 'deleteModule')}
              className="flex flex-col gap-2"
            >
              <p className="font-medium text-red-800">
                {t(confirming.action === 'archive' ? 'archiveConfirm' : 'deleteModuleConfirm', { module: m.titleZh })}
              </p>
              <span className="flex flex-wrap gap-2">
                <Button variant="danger" onClick={() => void retire(m, confirming.action)}>
                  {t('confirmYes')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(undefined)}>
                  {tc('cancel')}
                </Button>
              </span>
            </div>
          ) : (
            <span className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setConfirming({ id: m.id, action: 'archive' })}>
                {t('archiveModule')}
              </Button>
              <Button variant="danger" onClick={() => setConfirming({ id: m.id, action: 'delete' })}>
                {t('deleteModule')}
              </Button>
            </span>
          )}
          <ul className="flex flex-col">
            {m.lessons.map((l) => (
              <li key={l.id}>
                <button
                  type="button"
                  className="flex min-h-11 w-full items-center justify-between gap-2 border-b border-line text-left"
                  onClick={() => setEditing({ lessonId: l.id, moduleId: m.id })}
                >
                  <span>{l.title}</span>
                  <span className="shrink-0 text-sm text-muted">
                    {t(`status.${l.status}`)}
                    {l.pendingEdit ? ` · ${t('pendingEdit')}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Card>
      ))}
      <Card className="flex flex-col gap-3" aria-labelledby="new-module">
        <h2 id="new-module" className="font-bold">
          {t('newModule')}
        </h2>
        {(['titleZh', 'titleEn', 'theme', 'summaryZh', 'summaryEn'] as const).map((k) => (
          <Field key={k} label={t(`moduleField.${k}`)}>
            <TextInput value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
          </Field>
        ))}
        <Button onClick={() => void addModule()}>{t('addModule')}</Button>
      </Card>
    </div>
  );
}
