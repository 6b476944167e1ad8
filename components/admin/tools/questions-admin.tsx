'use client';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Select, TextInput } from '@/components/ui/field';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import type { QuestionType } from '@/lib/quiz/types';
import { QuestionEditor } from './question-editor';

interface Row {
  id: string;
  moduleId: string;
  type: QuestionType;
  stem: string;
  pool: 'practice' | 'exam';
  status: 'draft' | 'published';
}
interface Page {
  questions: Row[];
  total: number;
  pageSize: number;
  tags: string[];
}

/** 题目编写: the question bank, searchable by text or tag and module; open one to edit it, or write a new one. */
export function QuestionsAdmin() {
  const t = useTranslations('questionAdmin');
  const tq = useTranslations('quiz');
  const errorText = useErrorText();
  const [modules, setModules] = useState<{ id: string; titleZh: string; status: string }[]>([]);
  const [q, setQ] = useState('');
  const [moduleId, setModuleId] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<{ id: string | null }>();

  const load = useCallback(() => {
    const params = new URLSearchParams({ page: String(page), ...(q ? { q } : {}), ...(moduleId ? { moduleId } : {}) });
    api<Page>(`/api/admin/questions?${params}`)
      .then((d) => (setData(d), setError(undefined)))
      .catch((e: unknown) => setError(errorText.api(e)));
  }, [page, q, moduleId, errorText]);
  useEffect(load, [load]);
  useEffect(() => {
    void api<{ modules: { id: string; titleZh: string; status: string }[] }>('/api/admin/content')
      .then((d) => setModules(d.modules))
      .catch((e: unknown) => setError(errorText.api(e)));
  }, [errorText]);

  const open = modules.filter((m) => m.status !== 'archived');
  if (editing)
    return (
      <QuestionEditor
        questionId={editing.id}
        modules={moduleId ? [...open.filter((m) => m.id === moduleId), ...open.filter((m) => m.id !== moduleId)] : open}
        tags={data?.tags ?? []}
        onDone={() => (setEditing(undefined), load())}
      />
    );

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const title = (id: string) => modules.find((m) => m.id === id)?.titleZh ?? id;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('title')}</h1>
      <p className="text-muted">{t('rule')}</p>
      <Button onClick={() => setEditing({ id: null })} disabled={open.length === 0}>
        {t('newQuestion')}
      </Button>
      <Card className="flex flex-col gap-2">
        <TextInput
          type="search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={q}
          onChange={(e) => (setQ(e.target.value), setPage(1))}
        />
        <Select aria-label={t('module')} value={moduleId} onChange={(e) => (setModuleId(e.target.value), setPage(1))}>
          <option value="">{t('allModules')}</option>
          {modules.map((m) => (
            <option key={m.id} value={m.id}>
              {m.titleZh}
            </option>
          ))}
        </Select>
        {error ? (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        ) : null}
        {data && data.questions.length === 0 ? <p className="text-muted">{t('none')}</p> : null}
        <ul className="flex flex-col" aria-label={t('listLabel')}>
          {data?.questions.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className="flex min-h-11 w-full flex-col items-start gap-1 border-b border-line py-2 text-left"
                onClick={() => setEditing({ id: row.id })}
              >
                <span>{row.stem}</span>
                <span className="text-sm text-muted">
                  {tq(`type.${row.type}`)} · {title(row.moduleId)} · {row.pool === 'exam' ? t('poolExam') : t('poolPractice')} ·{' '}
                  {t(`status.${row.status}`)}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {data ? (
          <div className="flex items-center justify-between gap-2">
            <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('prev')}
            </Button>
            <span className="text-sm">{t('page', { page, pages, total: data.total })}</span>
            <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('next')}
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
