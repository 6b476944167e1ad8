'use client';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { REFERRALS, type ConsultRecord, type Referral } from '@/lib/consult/types';
import { useTranslations } from '@/lib/i18n/client';
import type { LocalProfile } from '@/lib/local/db';
import { syncSoon } from '@/lib/sync/soon';
import { MessageBox } from './message-box';

// The consultation writer (outbox, deadlines) loads on the first action, not with the page.
const writer = () => import('@/lib/local/consult');

/** What the assigned lawyer or an administrator can do: take, reply, refer, resolve; assign and set the deadline (admin). */
export function HandlerActions({ c, me }: { c: ConsultRecord; me: LocalProfile }) {
  const t = useTranslations('consult');
  const label = t('opLabel', { category: t(`category.${c.category}`) });
  const after = () => syncSoon();
  const [referral, setReferral] = useState<Referral>('mediation');
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState(c.deadline);
  const [lawyers, setLawyers] = useState<{ id: string; name: string }[]>();
  const [lawyerId, setLawyerId] = useState('');
  const admin = me.role === 'admin';

  useEffect(() => {
    if (!admin || !navigator.onLine) return;
    void fetch('/api/consultations/lawyers', { credentials: 'same-origin' })
      .then(async (r) => (r.ok ? setLawyers(((await r.json()) as { lawyers: { id: string; name: string }[] }).lawyers) : undefined))
      .catch(() => undefined);
  }, [admin]);

  if (me.role === 'lawyer' && c.assigneeId === null)
    return (
      <Card>
        <Button
          className="w-full"
          onClick={() =>
            void writer()
              .then((m) => m.takeConsultation(c.id, me, label))
              .then(after)
          }
        >
          {t('take')}
        </Button>
      </Card>
    );

  return (
    <Card className="flex flex-col gap-4">
      <MessageBox
        label={t('replyLabel')}
        send={t('sendReply')}
        onSend={(body) =>
          writer()
            .then((m) => m.sendMessage(c.id, 'reply', body, me, label))
            .then(after)
        }
      />
      <div className="flex flex-col gap-2">
        <Field label={t('referLabel')}>
          <Select value={referral} onChange={(e) => setReferral(e.target.value as Referral)}>
            {REFERRALS.map((r) => (
              <option key={r} value={r}>
                {t(`referral.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('referNote')}>
          <TextInput value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <Button
          variant="secondary"
          onClick={() =>
            void writer()
              .then((m) => m.referConsultation(c.id, referral, note.trim(), me, label))
              .then(() => (setNote(''), after()))
          }
        >
          {t('refer')}
        </Button>
      </div>
      {c.status !== 'resolved' ? (
        <Button
          variant="secondary"
          onClick={() =>
            void writer()
              .then((m) => m.resolveConsultation(c.id, me, label))
              .then(after)
          }
        >
          {t('resolve')}
        </Button>
      ) : null}
      {admin ? (
        <>
          <div className="flex flex-col gap-2">
            <Field label={t('assignLabel')} hint={lawyers ? undefined : t('needsOnline')}>
              <Select value={lawyerId} onChange={(e) => setLawyerId(e.target.value)}>
                <option value="">{t('choose')}</option>
                {(lawyers ?? []).map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              variant="secondary"
              disabled={!lawyerId}
              onClick={() => {
                const lawyer = lawyers?.find((l) => l.id === lawyerId);
                if (lawyer)
                  void writer()
                    .then((m) => m.assignConsultation(c.id, lawyer, label))
                    .then(after);
              }}
            >
              {t('assign')}
            </Button>
          </div>
          <div className="flex flex-col gap-2">
            <Field label={t('deadlineLabel')}>
              <TextInput type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
            </Field>
            <Button
              variant="secondary"
              disabled={!deadline || deadline === c.deadline}
              onClick={() =>
                void writer()
                  .then((m) => m.setConsultDeadline(c.id, deadline, label))
                  .then(after)
              }
            >
              {t('setDeadline')}
            </Button>
          </div>
        </>
      ) : null}
    </Card>
  );
}
