'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';

interface ArticleHit {
  ref: string;
  law: string;
  label: string;
  text: string;
}

export interface CitationPickerProps {
  /** What the list is called ("引用的法条", "依据"). */
  legend: string;
  /** Citations as 短名:条号 ("民法典:1042"). */
  value: string[];
  onChange: (cites: string[]) => void;
  error?: string;
}

/** Citations searched in the law library (current texts only) and picked one by one; used by lessons and questions. */
export function CitationPicker({ legend, value, onChange, error }: CitationPickerProps) {
  const t = useTranslations('adminTools');
  const errorText = useErrorText();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<ArticleHit[]>([]);
  const [searchError, setSearchError] = useState<string>();

  async function search() {
    if (!q.trim()) return;
    setSearchError(undefined);
    await api<{ articles: ArticleHit[] }>(`/api/admin/articles?q=${encodeURIComponent(q.trim())}`)
      .then((d) => setHits(d.articles))
      .catch((e: unknown) => setSearchError(errorText.api(e)));
  }

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-medium">{legend}</legend>
      <ul className="flex flex-wrap gap-2" aria-label={legend}>
        {value.map((c) => (
          <li key={c} className="flex items-center gap-1 rounded-full border border-line px-3">
            {c}
            <button
              type="button"
              className="min-h-11 px-2"
              aria-label={t('removeCite', { ref: c })}
              onClick={() => onChange(value.filter((x) => x !== c))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <TextInput
          aria-label={t('searchLaw')}
          placeholder={t('searchLawHint')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void search())}
        />
        <Button variant="secondary" onClick={() => void search()}>
          {t('search')}
        </Button>
      </div>
      {searchError ? (
        <p role="alert" className="text-sm text-red-700">
          {searchError}
        </p>
      ) : null}
      <ul className="flex flex-col gap-1" aria-label={t('searchResults')}>
        {hits.map((h) => (
          <li key={h.ref} className="flex items-start justify-between gap-2 border-b border-line py-1 text-sm">
            <span>
              <strong>
                《{h.law}》{h.label}
              </strong>{' '}
              {h.text}
            </span>
            <Button
              variant="secondary"
              aria-label={t('addCite', { ref: h.ref })}
              disabled={value.includes(h.ref)}
              onClick={() => onChange([...value, h.ref])}
            >
              {t('add')}
            </Button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
