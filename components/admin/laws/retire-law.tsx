'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { api, ApiError } from '@/lib/api-client';
import type { LawCitation, LawSummary } from '@/lib/laws/types';

export interface RetireLawProps {
  law: LawSummary;
  onRetired: () => void;
}

/**
 * 停用 a law imported by mistake: first lists the lessons and questions that cite it (GET /api/laws/:id/retire), then
 * retires it once the admin confirms (POST). Online only, like the rest of the admin law page.
 */
export function RetireLaw({ law, onRetired }: RetireLawProps) {
  const t = useTranslations('laws');
  const [citations, setCitations] = useState<LawCitation[]>();
  /** 第N条 labels: the numeral code loads with the citations, not with the page. */
  const [label, setLabel] = useState<(article: number) => string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const fail = (e: unknown) => (setError(e instanceof ApiError ? e.message : t('uploadNetworkError')), setBusy(false));

  const ask = () => {
    setBusy(true);
    setError(undefined);
    Promise.all([api<{ citations: LawCitation[] }>(`/api/laws/${law.id}/retire`), import('@/lib/laws/cn-numerals')])
      .then(([d, numerals]) => (setLabel(() => numerals.articleLabel), setCitations(d.citations), setBusy(false)))
      .catch(fail);
  };
  const confirm = () => {
    setBusy(true);
    api(`/api/laws/${law.id}/retire`, { method: 'POST', body: { confirm: true } })
      .then(onRetired)
      .catch(fail);
  };

  if (!citations || !label)
    return (
      <div className="flex flex-col items-end gap-1">
        <Button variant="danger" className="min-h-9 px-3 text-sm" disabled={busy} onClick={ask}>
          {t('retire')}
        </Button>
        {error ? (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
    );
  const titleId = `retire-${law.id}`;
  return (
    <section aria-labelledby={titleId} className="mt-2 w-full rounded-lg border border-red-200 bg-red-50 p-3">
      <h3 id={titleId} className="font-bold text-red-900">
        {t('retireTitle', { title: law.title })}
      </h3>
      <p className="mt-1">{t('retireHelp')}</p>
      {citations.length ? (
        <>
          <p className="mt-2 font-medium">{t('retireCitations', { count: citations.length })}</p>
          <ul className="mt-1 max-h-60 list-disc overflow-y-auto pl-5">
            {citations.map((c, i) => (
              <li key={`${c.source}-${c.id}-${c.article}-${i}`}>
                {t(`source.${c.source}`)} {c.id}：{c.title.slice(0, 40)}（{label(c.article)}）
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-2">{t('retireNoCitations')}</p>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="danger" disabled={busy} onClick={confirm}>
          {t('retireConfirm')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => setCitations(undefined)}>
          {t('retireCancel')}
        </Button>
      </div>
    </section>
  );
}
