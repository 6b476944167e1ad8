'use client';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';

interface Exam {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: number;
  passMark: number;
  participants: number;
}
interface Person {
  id: string;
  name: string;
  phone: string | null;
  orgUnitName: string;
}

const local = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function ExamCard({ exam, now, onChanged }: { exam: Exam; now: number; onChanged: () => void }) {
  const t = useTranslations('adminTools');
  const errorText = useErrorText();
  const state = now < Date.parse(exam.opensAt) ? 'upcoming' : now < Date.parse(exam.closesAt) ? 'open' : 'closed';
  const [form, setForm] = useState({
    title: exam.title,
    opensAt: local(exam.opensAt),
    closesAt: local(exam.closesAt),
    timeLimitMinutes: exam.timeLimitMinutes,
  });
  const [people, setPeople] = useState<Person[]>();
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const fail = (e: unknown) => setError(errorText.api(e));

  async function save() {
    setError(undefined);
    const window = { opensAt: new Date(form.opensAt).toISOString(), closesAt: new Date(form.closesAt).toISOString() };
    const body = state === 'upcoming' ? { ...window, title: form.title, timeLimitMinutes: Number(form.timeLimitMinutes) } : window;
    await api(`/api/admin/exams/${exam.id}`, { method: 'PUT', body })
      .then(() => (setMessage(t('examSaved')), onChanged()))
      .catch(fail);
  }

  return (
    <Card aria-label={exam.title} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-bold">{exam.title}</h2>
        <span className="rounded bg-black/5 px-2 text-sm">{t(`examState.${state}`)}</span>
      </div>
      <p className="text-sm text-muted">{t('examParticipants', { count: exam.participants })}</p>
      {state === 'upcoming' ? (
        <>
          <Field label={t('examTitle')}>
            <TextInput value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
          </Field>
          <Field label={t('examTimeLimit')}>
            <TextInput
              type="number"
              min={1}
              value={form.timeLimitMinutes}
              onChange={(e) => setForm({ ...form, timeLimitMinutes: Number(e.target.value) })}
            />
          </Field>
        </>
      ) : (
        <p className="text-sm text-muted">{t('examOpenedRule')}</p>
      )}
      {state !== 'closed' ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <Field label={t('examOpens')}>
            <TextInput type="datetime-local" value={form.opensAt} onChange={(e) => setForm({ ...form, opensAt: e.target.value })} />
          </Field>
          <Field label={t('examCloses')}>
            <TextInput type="datetime-local" value={form.closesAt} onChange={(e) => setForm({ ...form, closesAt: e.target.value })} />
          </Field>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {state !== 'closed' ? (
          <Button variant="secondary" onClick={() => void save()}>
            {t('examSave')}
          </Button>
        ) : null}
        {state === 'open' ? (
          <Button
            variant="danger"
            onClick={() =>
              window.confirm(t('examCloseConfirm')) &&
              void api(`/api/admin/exams/${exam.id}`, { method: 'PATCH', body: { action: 'close' } })
                .then(onChanged)
                .catch(fail)
            }
          >
            {t('examCloseNow')}
          </Button>
        ) : null}
        <Button
          variant="secondary"
          onClick={() =>
            void api<{ people: Person[] }>(`/api/admin/exams/${exam.id}/not-taken`)
              .then((d) => setPeople(d.people))
              .catch(fail)
          }
        >
          {t('examNotTaken')}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {message && !error ? <p role="status">{message}</p> : null}
      {people ? (
        <div>
          <p className="font-medium">{t('examNotTakenCount', { count: people.length })}</p>
          <ul className="max-h-64 overflow-auto text-sm" aria-label={t('examNotTaken')}>
            {people.map((p) => (
              <li key={p.id} className="border-b border-line py-1">
                {p.name} {p.phone} · {p.orgUnitName}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}

/** 考试管理: edit before an exam opens (then only its window), close it early, see who has not taken it. */
export function ExamManage() {
  const t = useTranslations('adminTools');
  const [exams, setExams] = useState<{ list: Exam[]; at: number }>({ list: [], at: 0 });
  const load = useCallback(() => {
    void api<{ exams: Exam[] }>('/api/exams').then((d) => setExams({ list: d.exams, at: Date.now() }));
  }, []);
  useEffect(load, [load]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('examsTitle')}</h1>
      {exams.list.map((e) => (
        <ExamCard key={`${e.id}-${e.opensAt}-${e.closesAt}-${e.title}`} exam={e} now={exams.at} onChanged={load} />
      ))}
    </div>
  );
}
