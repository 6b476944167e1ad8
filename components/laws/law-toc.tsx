'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTranslations } from '@/lib/i18n/client';
import { useSearchParams } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { Link } from '@/lib/i18n/navigation';
import { articleHref } from '@/lib/laws/links';
import type { HeldArticle } from '@/lib/laws/local-types';
import { localDb } from '@/lib/local/db';
import { NotOnPhone } from './not-on-phone';

interface Group {
  path: string[];
  articles: HeldArticle[];
}

/** Consecutive articles under the same headings, e.g. 第五编 婚姻家庭 › 第一章 一般规定 › 第1040–1045条. */
function groupArticles(articles: HeldArticle[]): Group[] {
  const groups: Group[] = [];
  for (const a of articles) {
    const last = groups[groups.length - 1];
    if (last && last.path.join('\u0000') === a.headingPath.join('\u0000')) last.articles.push(a);
    else groups.push({ path: a.headingPath, articles: [a] });
  }
  return groups;
}

const excerpt = (a: HeldArticle) => {
  const text = a.paragraphs[0] ?? '';
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
};

/** A law opens at its table of contents: headings, and under each its articles, read from the phone. */
export function LawToc() {
  const t = useTranslations('laws');
  const title = useSearchParams().get('law') ?? '';
  const data = useLiveQuery(async () => {
    const db = localDb();
    const law = await db.laws.get(title);
    return {
      law: law ?? null,
      articles: law ? await db.lawArticles.where('[law+number+sub]').between([title, 0, 0], [title, Infinity, Infinity]).toArray() : [],
    };
  }, [title]);
  if (!data) return <p role="status">{t('loading')}</p>;
  if (!data.law) return <NotOnPhone law={title} />;
  const { law } = data;
  const groups = groupArticles(data.articles);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/laws" className="inline-flex min-h-11 items-center self-start text-muted underline">
        ← {t('title')}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{law.title}</h1>
        <p className="text-sm text-muted">
          {t(`category.${law.category}`)} · {t('articleCount', { count: law.articleCount })}
          {law.versionDate ? ` · ${t('versionDate', { date: law.versionDate })}` : ''}
        </p>
      </header>
      {law.history.length > 0 ? (
        <details className="text-sm text-muted">
          <summary className="min-h-11 cursor-pointer py-2">{t('history')}</summary>
          <ul className="list-disc pl-5">
            {law.history.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {law.preamble.length > 0 ? (
        <details>
          <summary className="min-h-11 cursor-pointer py-2 font-bold">{t('preamble')}</summary>
          {law.preamble.map((p, k) => (
            <p key={k} className="mt-2 leading-relaxed">
              {p}
            </p>
          ))}
        </details>
      ) : null}
      <Card aria-labelledby="toc-title">
        <h2 id="toc-title" className="mb-2 text-lg font-bold">
          {t('toc')}
        </h2>
        {groups.map((g, k) => {
          const prev = groups[k - 1]?.path ?? [];
          const changed = (depth: number) => prev.slice(0, depth + 1).join('\u0000') !== g.path.slice(0, depth + 1).join('\u0000');
          const outer = g.path.slice(0, -1).filter((_, depth) => changed(depth));
          const list = (
            <ol className="flex flex-col">
              {g.articles.map((a) => (
                <li key={`${a.number}-${a.sub}`}>
                  <Link href={articleHref(law.shortTitle, a.number, a.sub)} className="flex min-h-11 items-baseline gap-2 py-1">
                    <span className="shrink-0 font-medium text-brand-dark">{a.label}</span>
                    <span className="truncate text-sm text-muted">{excerpt(a)}</span>
                  </Link>
                </li>
              ))}
            </ol>
          );
          const first = g.articles[0]!;
          const last = g.articles[g.articles.length - 1]!;
          return (
            <div key={first.number}>
              {outer.map((h) => (
                <h3 key={h} className="mt-3 font-bold">
                  {h}
                </h3>
              ))}
              {g.path.length === 0 ? (
                list
              ) : (
                <details className="border-b border-line">
                  <summary className="min-h-11 cursor-pointer py-2">
                    {g.path[g.path.length - 1]}{' '}
                    <span className="text-sm text-muted">{t('range', { first: first.number, last: last.number })}</span>
                  </summary>
                  {list}
                </details>
              )}
            </div>
          );
        })}
      </Card>
    </div>
  );
}
