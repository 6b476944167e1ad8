import { setRequestLocale } from 'next-intl/server';
import { BookmarkList } from '@/components/laws/bookmark-list';

export default async function BookmarksPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <BookmarkList />;
}
