'use client';
import { useTranslations } from '@/lib/i18n/client';
import { Link } from '@/lib/i18n/navigation';
import { articleHref } from '@/lib/laws/links';
import type { LawImportResult } from '@/lib/laws/types';

/** What an import did, law by law, and the citations in lessons and questions that no longer resolve. */
export function ImportResult({ result }: { result: LawImportResult }) {
  const t = useTranslations('laws');
  return (
    <section aria-labelledby="import-result-title" className="flex flex-col gap-2">
      <h3 id="import-result-title" className="font-bold">
        {t('importDone', { count: result.laws.length })}
      </h3>
      <ul className="flex flex-col gap-1">
        {result.laws.map((law) => (
          <li key={law.shortTitle} className="text-sm">
            <span className={law.status === 'unchanged' ? 'text-muted' : 'text-ok'}>{t(`status.${law.status}`)}</span> 《{law.shortTitle}》{' '}
            {t('versionLine', { version: law.version, count: law.articles })} · {t(`category.${law.category}`)}
          </li>
        ))}
      </ul>
      {result.brokenCitations.length > 0 ? (
        <div role="alert" className="rounded-lg bg-amber-50 p-3 text-warn">
          <p className="font-bold">{t('brokenTitle', { count: result.brokenCitations.length })}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {result.brokenCitations.map((c) => (
              <li key={`${c.source}:${c.id}:${c.law}:${c.article}`}>
                {t(`source.${c.source}`)} {c.id} →{' '}
                <Link href={articleHref(c.law, c.article, c.sub)} className="underline">
                  {c.law}:{c.article}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-ok">{t('citationsOk')}</p>
      )}
    </section>
  );
}
