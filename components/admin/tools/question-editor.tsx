'use client';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { ApiError, api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { QUESTION_TYPES, type QuestionType } from '@/lib/quiz/types';
import { fieldErrors } from '@/lib/validations/field-errors';
import type { QuestionInput } from '@/lib/validations/question';
import { CitationPicker } from './citation-picker';

export interface QuestionEditorProps {
  questionId: string | null;
  modules: { id: string; titleZh: string }[];
  tags: string[];
  onDone: () => void;
}

type Form = Omit<QuestionInput, 'answer' | 'difficulty'> & { answer: number[] | boolean; difficulty: number };

const LETTERS = ['A', 'B', 'C', 'D', 'E'];
const blank = (moduleId: string): Form => ({
  moduleId,
  type: 'single',
  stem: '',
  options: ['', '', '', '', ''],
  answer: [],
  explanation: '',
  basis: [],
  tags: [],
  difficulty: 2,
  pool: 'practice',
  status: 'draft',
});

/** One question of any type: options and answer, explanation, legal basis from the law library, tags; draft or published. */
export function QuestionEditor({ questionId, modules, tags, onDone }: QuestionEditorProps) {
  const t = useTranslations('questionAdmin');
  const tq = useTranslations('quiz');
  const errorText = useErrorText();
  const [id, setId] = useState(questionId);
  const [form, setForm] = useState<Form>(blank(modules[0]?.id ?? ''));
  const [tagText, setTagText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!questionId) return;
    void api<Form & { id: string }>(`/api/admin/questions/${questionId}`)
      .then(({ id: _id, ...q }) => {
        setForm({ ...q, options: [...q.options, '', '', '', '', ''].slice(0, 5) });
        setTagText(q.tags.join('；'));
      })
      .catch((e: unknown) => setMessage(errorText.api(e)));
  }, [questionId, errorText]);

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const chosen = Array.isArray(form.answer) ? form.answer : [];
  const toggle = (i: number) =>
    set({ answer: form.type === 'single' ? [i] : chosen.includes(i) ? chosen.filter((x) => x !== i) : [...chosen, i] });

  async function save(status: 'draft' | 'published') {
    setMessage(undefined);
    const body = {
      ...form,
      status,
      options: form.type === 'truefalse' ? [] : form.options.filter((o) => o.trim() !== ''),
      tags: tagText
        .split(/[;；,，\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    };
    const { questionInputSchema } = await import('@/lib/validations/question'); // zod loads on save, not with the page
    const parsed = questionInputSchema.safeParse(body);
    if (!parsed.success) return setErrors(errorText.fields(fieldErrors(parsed.error)));
    setErrors({});
    setBusy(true);
    try {
      const saved = await api<{ id: string }>(id ? `/api/admin/questions/${id}` : '/api/admin/questions', {
        method: id ? 'PUT' : 'POST',
        body: parsed.data,
      });
      setId(saved.id);
      set({ status });
      setMessage(status === 'published' ? t('published') : t('savedDraft'));
    } catch (e) {
      if (e instanceof ApiError) setErrors(errorText.fields(e.fields));
      setMessage(errorText.api(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="ghost" onClick={onDone}>
          {t('back')}
        </Button>
        <h2 className="text-lg font-bold">{id ? t('editQuestion') : t('newQuestion')}</h2>
        <span className="rounded bg-black/5 px-2 text-sm">{t(`status.${form.status}`)}</span>
      </div>
      <Card className="flex flex-col gap-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('module')} error={errors.moduleId}>
            <Select value={form.moduleId} onChange={(e) => set({ moduleId: e.target.value })}>
              {modules.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.titleZh}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('type')}>
            <Select
              value={form.type}
              onChange={(e) => {
                const type = e.target.value as QuestionType;
                set({ type, answer: type === 'truefalse' ? true : [] });
              }}
            >
              {QUESTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {tq(`type.${type}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('pool')} hint={t('poolHint')}>
            <Select value={form.pool} onChange={(e) => set({ pool: e.target.value as Form['pool'] })}>
              <option value="practice">{t('poolPractice')}</option>
              <option value="exam">{t('poolExam')}</option>
            </Select>
          </Field>
          <Field label={t('difficulty')}>
            <Select value={form.difficulty} onChange={(e) => set({ difficulty: Number(e.target.value) })}>
              {[1, 2, 3].map((d) => (
                <option key={d} value={d}>
                  {t(`level.${d}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label={t('stem')} error={errors.stem}>
          <textarea
            className="min-h-24 w-full rounded-lg border border-line bg-surface p-3 text-base"
            value={form.stem}
            maxLength={500}
            onChange={(e) => set({ stem: e.target.value })}
          />
        </Field>
        {form.type === 'truefalse' ? (
          <fieldset className="flex flex-col gap-1">
            <legend className="font-medium">{t('answer')}</legend>
            {[true, false].map((v) => (
              <label key={String(v)} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="judge" className="h-5 w-5" checked={form.answer === v} onChange={() => set({ answer: v })} />
                {v ? t('true') : t('false')}
              </label>
            ))}
            {errors.answer ? (
              <p role="alert" className="text-sm text-red-700">
                {errors.answer}
              </p>
            ) : null}
          </fieldset>
        ) : (
          <fieldset className="flex flex-col gap-2">
            <legend className="font-medium">{t(form.type === 'single' ? 'optionsSingle' : 'optionsMultiple')}</legend>
            {form.options.map((option, i) => (
              <div key={LETTERS[i]} className="flex items-center gap-2">
                <input
                  type={form.type === 'single' ? 'radio' : 'checkbox'}
                  name="answer"
                  className="h-5 w-5 shrink-0"
                  aria-label={t('isAnswer', { letter: LETTERS[i]! })}
                  checked={chosen.includes(i)}
                  onChange={() => toggle(i)}
                />
                <TextInput
                  aria-label={t('option', { letter: LETTERS[i]! })}
                  value={option}
                  maxLength={200}
                  onChange={(e) => set({ options: form.options.map((o, j) => (j === i ? e.target.value : o)) })}
                />
              </div>
            ))}
            {errors.options || errors.answer ? (
              <p role="alert" className="text-sm text-red-700">
                {errors.options ?? errors.answer}
              </p>
            ) : null}
          </fieldset>
        )}
        <Field label={t('explanation')} error={errors.explanation}>
          <textarea
            className="min-h-24 w-full rounded-lg border border-line bg-surface p-3 text-base"
            value={form.explanation}
            onChange={(e) => set({ explanation: e.target.value })}
          />
        </Field>
        <CitationPicker legend={t('basis')} value={form.basis} onChange={(basis) => set({ basis })} error={errors.basis} />
        <Field label={t('tags')} error={errors.tags} hint={t('tagsHint')}>
          <TextInput list="question-tags" value={tagText} onChange={(e) => setTagText(e.target.value)} />
        </Field>
        <datalist id="question-tags">
          {tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </Card>
      {message ? <p role="status">{message}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={busy} onClick={() => void save('draft')}>
          {form.status === 'published' ? t('unpublish') : t('saveDraft')}
        </Button>
        <Button disabled={busy} onClick={() => void save('published')}>
          {form.status === 'published' ? t('saveLive') : t('publish')}
        </Button>
      </div>
    </div>
  );
}
