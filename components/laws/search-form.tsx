'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import { useRouter } from '@/lib/i18n/navigation';
import { searchHref } from '@/lib/laws/links';

/** The search box of the law library; searching happens on the phone, on the search page. */
export function SearchForm({ initial = '', replace = false }: { initial?: string; replace?: boolean }) {
  const t = useTranslations('laws');
  const router = useRouter();
  const [q, setQ] = useState(initial);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!q.trim()) return;
    if (replace) router.replace(searchHref(q.trim()));
    else router.push(searchHref(q.trim()));
  }
  return (
    <form role="search" onSubmit={submit} className="flex gap-2">
      <TextInput
        type="search"
        name="q"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchLabel')}
        enterKeyHint="search"
      />
      <Button type="submit">{t('search')}</Button>
    </form>
  );
}
