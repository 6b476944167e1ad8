'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTranslations } from '@/lib/i18n/client';
import { useSearchParams } from 'next/navigation';
import { ReadAloud } from '@/components/study/read-aloud';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { articleKey, parseArticleAddress } from '@/lib/laws/article-ref';
import { articleHref, lawHref } from '@/lib/laws/links';
import { localDb } from '@/lib/local/db';
import { BookmarkButton } from './bookmark-button';
import { NotOnPhone } from './not-on-phone';

/** One article at its stable address (?law=民法典&n=1042), read from the phone, with bookmark and read-aloud. */
export function ArticleView() {
  const t = useTranslations('laws');
  const params = useSearchParams();
  const address = parseArticleAddress(params.get('law') ?? '', params.get('n') ?? '');
  const law = address?.law ?? '';
  const n = address?.n.number ?? 0;
  const sub = address?.n.sub ?? 0;
  const data = useLiveQuery(async () => {
    const db = localDb();
    const held = await db.laws.get(law);
    if (!held) return { held: null } as const;
    const key: [string, number, number] = [law, n, sub];
    const byKey = db.lawArticles.where('[law+number+sub]');
    const [article, prev, next, bookmark] = await Promise.all([
      db.lawArticles.get(key),
      byKey.between([law, 0, 0], key, true, false).last(),
      byKey.between(key, [law, Infinity, Infinity], false, true).first(),
      db.articleBookmarks.get(key),
    ]);
    return { held, article: article ?? null, prev: prev ?? null, next: next ?? null, bookmarked: Boolean(bookmark) };
  }, [law, n, sub]);

  if (!address)
    return (
      <EmptyState
        action={
          <Link href="/laws" className="inline-flex min-h-11 items-center underline">
            {t('title')}
          </Link>
        }
      >
        {t('badAddress')}
      </EmptyState>
    );
  if (!data) return <p role="status">{t('loading')}</p>;
  if (!data.held) return <NotOnPhone law={law} />;
  const toc = (
    <Link href={lawHref(law)} className="inline-flex min-h-11 items-center self-start text-muted underline">
      ← {t('tocOf', { law })}
    </Link>
  );
  if (!data.article) return <EmptyState action={toc}>{t('noArticle', { law, number: articleKey(n, sub) })}</EmptyState>;
  const { article } = data;
  return (
    <article className="flex flex-col gap-4">
      {toc}
      <header>
        <h1 className="text-2xl font-bold">
          《{law}》{article.label}
        </h1>
        {article.headingPath.length > 0 ? <p className="text-sm text-muted">{article.headingPath.join(' › ')}</p> : null}
      </header>
      <Card>
        {article.paragraphs.map((p, k) => (
          <p key={k} className="mt-2 leading-relaxed first:mt-0">
            {p}
          </p>
        ))}
        <p className="mt-3 text-sm text-muted">
          {data.held.title}
          {data.held.versionDate ? ` · ${t('versionDate', { date: data.held.versionDate })}` : ''}
        </p>
      </Card>
      <div className="flex flex-wrap items-center gap-2">
        <BookmarkButton article={article} bookmarked={data.bookmarked} />
        <ReadAloud paragraphs={[`${data.held.shortTitle}${article.label}`, ...article.paragraphs]} />
      </div>
      <nav className="flex justify-between gap-2" aria-label={t('articleNav')}>
        {data.prev ? (
          <Link href={articleHref(law, data.prev.number, data.prev.sub)} className="min-h-11 py-2 underline">
            ← {data.prev.label}
          </Link>
        ) : (
          <span />
        )}
        {data.next ? (
          <Link href={articleHref(law, data.next.number, data.next.sub)} className="min-h-11 py-2 underline">
            {data.next.label} →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
