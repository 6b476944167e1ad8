'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { HeldArticle } from '@/lib/laws/local-types';
import { toggleBookmark } from '@/lib/local/bookmarks';
import { isQuotaError } from '@/lib/local/errors';

export function BookmarkButton({ article, bookmarked }: { article: HeldArticle; bookmarked: boolean }) {
  const t = useTranslations('laws');
  const [error, setError] = useState<string>();
  return (
    <>
      <Button
        variant="secondary"
        aria-pressed={bookmarked}
        onClick={() =>
          void toggleBookmark(article).then(
            () => setError(undefined),
            (e: unknown) => setError(isQuotaError(e) ? t('quotaError') : String(e)),
          )
        }
      >
        {bookmarked ? `★ ${t('bookmarked')}` : `☆ ${t('bookmark')}`}
      </Button>
      {error ? (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
    </>
  );
}
