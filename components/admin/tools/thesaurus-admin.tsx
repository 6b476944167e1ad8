'use client';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';

interface Entry {
  word: string;
  phrases: string[];
  theme: string;
  adminEdited: boolean;
}
interface Checked {
  phrase: string;
  articles: { ref: string; law: string; label: string }[];
}

/** 常用说法: what villagers say → the statute's wording; check which articles it finds, then publish to phones. */
export function ThesaurusAdmin() {
  const t = useTranslations('adminTools');
  const errorText = useErrorText();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [form, setForm] = useState({ word: '', phrases: '', theme: '' });
  const [checked, setChecked] = useState<Checked[]>();
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [q, setQ] = useState('');
  const load = useCallback(() => {
    void api<{ entries: Entry[] }>('/api/admin/thesaurus').then((d) => setEntries(d.entries));
  }, []);
  useEffect(load, [load]);
  const phrases = form.phrases
    .split(/[|｜\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const fail = (e: unknown) => setError(errorText.api(e));
  const post = (body: unknown) => api<{ phrases?: Checked[] }>('/api/admin/thesaurus', { method: 'POST', body });

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('thesaurusTitle')}</h1>
      <p className="text-muted">{t('thesaurusRule')}</p>
      <Card className="flex flex-col gap-3">
        <Field label={t('thesaurusWord')}>
          <TextInput value={form.word} onChange={(e) => setForm({ ...form, word: e.target.value })} />
        </Field>
        <Field label={t('thesaurusPhrases')} hint={t('thesaurusPhrasesHint')}>
          <TextInput value={form.phrases} onChange={(e) => (setForm({ ...form, phrases: e.target.value }), setChecked(undefined))} />
        </Field>
        <Field label={t('thesaurusTheme')}>
          <TextInput value={form.theme} onChange={(e) => setForm({ ...form, theme: e.target.value })} />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={phrases.length === 0}
            onClick={() => void post({ action: 'check', phrases }).then((d) => (setChecked(d.phrases), setError(undefined)), fail)}
          >
            {t('thesaurusCheck')}
          </Button>
          <Button
            disabled={!form.word.trim() || phrases.length === 0 || !form.theme.trim()}
            onClick={() =>
              void post({ action: 'publish', word: form.word, phrases, theme: form.theme }).then(
                () => (setMessage(t('publishedNote')), setError(undefined), load()),
                fail,
              )
            }
          >
            {t('publish')}
          </Button>
        </div>
        {checked ? (
          <ul aria-label={t('thesaurusFound')} className="flex flex-col gap-1 text-sm">
            {checked.map((c) => (
              <li key={c.phrase} className={c.articles.length ? '' : 'text-red-700'}>
                <strong>{c.phrase}</strong>：
                {c.articles.length
                  ? c.articles
                      .slice(0, 6)
                      .map((a) => `《${a.law}》${a.label}`)
                      .join('、') + (c.articles.length > 6 ? ' …' : '')
                  : t('thesaurusNothing')}
              </li>
            ))}
          </ul>
        ) : null}
        {error ? (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        ) : null}
        {message && !error ? <p role="status">{message}</p> : null}
      </Card>
      <TextInput type="search" aria-label={t('search')} placeholder={t('search')} value={q} onChange={(e) => setQ(e.target.value)} />
      <ul className="flex flex-col" aria-label={t('thesaurusTitle')}>
        {entries
          .filter((e) => !q || e.word.includes(q) || e.phrases.some((p) => p.includes(q)))
          .slice(0, 100)
          .map((e) => (
            <li key={e.word} className="flex flex-wrap items-center justify-between gap-2 border-b border-line py-1">
              <button
                type="button"
                className="min-h-11 flex-1 text-left"
                onClick={() => (setForm({ word: e.word, phrases: e.phrases.join('|'), theme: e.theme }), setChecked(undefined))}
              >
                <strong>{e.word}</strong> → {e.phrases.join('、')} <span className="text-sm text-muted">{e.theme}</span>
              </button>
              <Button
                variant="ghost"
                aria-label={t('thesaurusRemove', { word: e.word })}
                onClick={() => void post({ action: 'remove', word: e.word }).then(load, fail)}
              >
                {t('delete')}
              </Button>
            </li>
          ))}
      </ul>
    </div>
  );
}
