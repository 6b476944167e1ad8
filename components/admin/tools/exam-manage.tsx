'use client';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { ExamForm, type ExamEditing } from '../exams/exam-form';
import type { ExamBank } from '../exams/paper-field';
import type { OrgOption } from '../org-select';

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

function ExamCard({
  exam,
  now,
  units,
  bank,
  onChanged,
}: {
  exam: Exam;
  now: number;
  units: OrgOption[];
  bank: ExamBank;
  onChanged: () => void;
}) {
  const t = useTranslations('adminTools');
  const te = useTranslations('examAdmin');
  const errorText = useErrorText();
  const state = now < Date.parse(exam.opensAt) ? 'upcoming' : now < Date.parse(exam.closesAt) ? 'open' : 'closed';
  const [editing, setEditing] = useState<ExamEditing>();
  const [people, setPeople] = useState<Person[]>();
  const [error, setError] = useState<string>();
  const fail = (e: unknown) => setError(errorText.api(e));

  function toggleEdit() {
    setError(undefined);
    if (editing) return setEditing(undefined);
    void api<ExamEditing>(`/api/admin/exams/${exam.id}`).then(setEditing).catch(fail);
  }

  return (
    <Card aria-label={exam.title} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-bold">{exam.title}</h2>
        <span className="rounded bg-black/5 px-2 text-sm">{t(`examState.${state}`)}</span>
      </div>
      <p className="text-sm text-muted">{t('examParticipants', { count: exam.participants })}</p>
      {state === 'open' ? <p className="text-sm text-muted">{t('examOpenedRule')}</p> : null}
      <div className="flex flex-wrap gap-2">
        {state !== 'closed' ? (
          <Button variant="secondary" aria-expanded={Boolean(editing)} onClick={toggleEdit}>
            {editing ? te('cancelEdit') : te('edit')}
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
      {editing ? (
        <ExamForm
          units={units}
          bank={bank}
          editing={editing}
          onCreated={() => {
            setEditing(undefined);
            onChanged();
          }}
        />
      ) : null}
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

/** 考试管理: edit an exam fully before it opens (then only its window and audience), close it early, see who has not taken it. */
export function ExamManage() {
  const t = useTranslations('adminTools');
  const [exams, setExams] = useState<{ list: Exam[]; at: number }>({ list: [], at: 0 });
  const [units, setUnits] = useState<OrgOption[]>([]);
  const [bank, setBank] = useState<ExamBank>({ questions: [], tags: [] });
  const load = useCallback(() => {
    void api<{ exams: Exam[] }>('/api/exams').then((d) => setExams({ list: d.exams, at: Date.now() }));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    void api<{ orgUnits: OrgOption[] }>('/api/org-units')
      .then((d) => setUnits(d.orgUnits))
      .catch(() => undefined);
    void api<ExamBank>('/api/quiz/bank')
      .then(setBank)
      .catch(() => undefined);
  }, []);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('examsTitle')}</h1>
      {exams.list.map((e) => (
        <ExamCard
          key={`${e.id}-${e.opensAt}-${e.closesAt}-${e.title}`}
          exam={e}
          now={exams.at}
          units={units}
          bank={bank}
          onChanged={load}
        />
      ))}
    </div>
  );
}
