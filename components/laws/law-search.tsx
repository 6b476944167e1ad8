'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTranslations } from '@/lib/i18n/client';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { articleKey } from '@/lib/laws/article-ref';
import { articleHref, citationHref } from '@/lib/laws/links';
import { localDb } from '@/lib/local/db';
import type { LawSearchHit } from '@/lib/search/law-index';
import { prepareLawSearch, searchLawArticles } from '@/lib/search/search-client';
import { SearchForm } from './search-form';

const storedIndex = async (signature: string) => {
  const row = await localDb().searchIndex.get('laws');
  return row?.signature === signature ? row.json : undefined;
};
const storeIndex = (signature: string) => async (json: string) =>
  void (await localDb().searchIndex.put({ key: 'laws', signature, json, builtAt: new Date().toISOString() }));

async function heldArticleDocs() {
  const articles = await localDb().lawArticles.toArray();
  return articles.map((a) => ({
    id: `${a.law}:${articleKey(a.number, a.sub)}`,
    law: a.law,
    number: a.number,
    label: a.label,
    text: a.paragraphs.join('\n'),
  }));
}

/** Searches the articles held on the phone (index built in a Web Worker); exact phrases rank first. */
export function LawSearch() {
  const t = useTranslations('laws');
  const q = useSearchParams().get('q')?.trim() ?? '';
  const held = useLiveQuery(async () => (await localDb().laws.toArray()).map((l) => `${l.shortTitle}@${l.id}`).sort());
  const thesaurus = useLiveQuery(() => localDb().thesaurus.toArray());
  const [count, setCount] = useState<number>();
  const [result, setResult] = useState<{ q: string; hits: LawSearchHit[] }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!held?.length || !thesaurus) return;
    let live = true;
    const lawSignature = held.join('|');
    prepareLawSearch({
      lawSignature,
      thesaurus,
      articles: heldArticleDocs,
      stored: () => storedIndex(lawSignature),
      store: storeIndex(lawSignature),
    })
      .then((n) => live && setCount(n))
      .catch((e: unknown) => live && setError(String(e instanceof Error ? e.message : e)));
    return () => void (live = false);
  }, [held, thesaurus]);

  useEffect(() => {
    if (count === undefined || !q) return;
    let live = true;
    searchLawArticles(q)
      .then((hits) => live && setResult({ q, hits }))
      .catch((e: unknown) => live && setError(String(e instanceof Error ? e.message : e)));
    return () => void (live = false);
  }, [q, count]);

  const hits = result?.q === q ? result.hits : undefined;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/laws" className="inline-flex min-h-11 items-center self-start text-muted underline">
        ← {t('title')}
      </Link>
      <h1 className="text-xl font-bold">{t('searchTitle')}</h1>
      <SearchForm key={q} initial={q} replace />
      {held && held.length === 0 ? (
        <EmptyState
          action={
            <Link href="/laws/offline" className="inline-flex min-h-11 items-center underline">
              {t('offlineTitle')}
            </Link>
          }
        >
          {t('searchNoLaws')}
        </EmptyState>
      ) : null}
      {error ? (
        <p role="alert" className="text-red-800">
          {t('searchFailed', { message: error })}
        </p>
      ) : null}
      {held?.length && count === undefined && !error ? <p role="status">{t('indexing')}</p> : null}
      {count !== undefined ? <p className="text-sm text-muted">{t('searchScope', { laws: held?.length ?? 0, articles: count })}</p> : null}
      {q && hits ? (
        <section aria-label={t('results')} className="flex flex-col gap-3">
          <p role="status">{hits.length ? t('resultCount', { count: hits.length }) : t('noResults', { q })}</p>
          {hits.length && hits.every((h) => h.approximate) ? <p className="text-sm text-amber-900">{t('approximate')}</p> : null}
          <ol className="flex flex-col gap-3">
            {hits.map((h) => (
              <li key={h.id}>
                <Link href={citationHref(h.id) ?? articleHref(h.law, h.number)} className="block">
                  <Card className="hover:border-brand">
                    <h2 className="font-bold text-brand-dark">
                      《{h.law}》{h.label}
                    </h2>
                    <p className="text-sm">{h.snippet}</p>
                  </Card>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
