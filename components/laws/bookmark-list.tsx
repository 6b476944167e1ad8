'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { articleHref } from '@/lib/laws/links';
import { localDb } from '@/lib/local/db';

/** 我的收藏: bookmarked articles on this phone, newest first. */
export function BookmarkList() {
  const t = useTranslations('laws');
  const locale = useLocale();
  const bookmarks = useLiveQuery(() => localDb().articleBookmarks.orderBy('createdAt').reverse().toArray());
  if (!bookmarks) return <p role="status">{t('loading')}</p>;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/laws" className="inline-flex min-h-11 items-center self-start text-muted underline">
        ← {t('title')}
      </Link>
      <h1 className="text-xl font-bold">{t('bookmarks')}</h1>
      {bookmarks.length === 0 ? <EmptyState>{t('noBookmarks')}</EmptyState> : null}
      <ul className="flex flex-col gap-3">
        {bookmarks.map((b) => (
          <li key={`${b.law}:${b.number}-${b.sub}`}>
            <Card className="flex flex-col gap-1">
              <Link href={articleHref(b.law, b.number, b.sub)} className="font-bold text-brand-dark underline">
                《{b.law}》{b.label}
              </Link>
              <p className="text-sm">{b.excerpt}</p>
              <div className="flex items-center justify-between gap-2">
                <span className="text-xs text-muted">
                  {t('bookmarkedOn', { time: new Date(b.createdAt).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en') })}
                </span>
                <Button variant="ghost" onClick={() => void localDb().articleBookmarks.delete([b.law, b.number, b.sub])}>
                  {t('removeBookmark')}
                </Button>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
