'use client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { RATINGS, type ConsultRecord } from '@/lib/consult/types';
import { useTranslations } from '@/lib/i18n/client';
import type { LocalProfile } from '@/lib/local/db';
import { syncSoon } from '@/lib/sync/soon';
import { MessageBox } from './message-box';

// The consultation writer (outbox, deadlines) loads on the first action, not with the page.
const writer = () => import('@/lib/local/consult');

/** What the person who asked can do: ask a follow-up, and rate the answer once it is resolved. */
export function RequesterActions({ c, me }: { c: ConsultRecord; me: LocalProfile }) {
  const t = useTranslations('consult');
  const label = t('opLabel', { category: t(`category.${c.category}`) });
  return (
    <Card className="flex flex-col gap-4">
      {c.status === 'resolved' && !c.rating ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="font-bold">{t('rateTitle')}</legend>
          <div className="grid grid-cols-3 gap-2">
            {RATINGS.map((r) => (
              <Button
                key={r}
                variant="secondary"
                onClick={() =>
                  void writer()
                    .then((m) => m.rateConsultation(c.id, r, label))
                    .then(syncSoon)
                }
              >
                {t(`rating.${r}`)}
              </Button>
            ))}
          </div>
        </fieldset>
      ) : null}
      {c.rating === 'dissatisfied' ? <p>{t('reopenedNote')}</p> : null}
      {c.channel === 'app' || c.channel === 'screening' ? (
        <MessageBox
          label={t('followupLabel')}
          send={t('sendFollowup')}
          onSend={(body) =>
            writer()
              .then((m) => m.sendMessage(c.id, 'followup', body, me, label))
              .then(syncSoon)
          }
        />
      ) : null}
    </Card>
  );
}
