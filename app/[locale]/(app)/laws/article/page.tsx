import { setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { ArticleView } from '@/components/laws/article-view';

// A static shell at a stable address (?law=民法典&n=1042): lessons and quiz explanations link here.
export default async function ArticlePage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <Suspense>
      <ArticleView />
    </Suspense>
  );
}
