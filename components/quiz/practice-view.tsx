'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { PracticeRunner } from './practice-runner';

/** 专题练习: the practice questions of one module (?module=), one theme (?tag=), or the wrong-answer book (?wrong=1). */
export function PracticeView() {
  const t = useTranslations('quiz');
  const locale = useLocale();
  const params = useSearchParams();
  const moduleId = params.get('module');
  const tag = params.get('tag');
  const wrong = params.get('wrong') === '1';
  const only = params.get('q');
  const [round, setRound] = useState(0);
  // The list is fixed when the page opens, so answering a wrong-book question right doesn't reshuffle the round.
  const key = `${moduleId}|${tag}|${wrong}|${only}|${round}`;
  const data = useLiveQuery(async () => {
    const db = localDb();
    if (wrong) {
      const ids = (await db.wrongBook.orderBy('addedAt').toArray()).map((e) => e.questionId);
      // ?q= retries one question of the book
      return { key, title: t('wrongBookTitle'), ids: only ? ids.filter((id) => id === only) : ids };
    }
    const all = moduleId ? await db.questions.where('moduleId').equals(moduleId).sortBy('id') : await db.questions.orderBy('id').toArray();
    const mod = moduleId ? await db.modules.get(moduleId) : undefined;
    const title = mod ? (locale === 'zh' ? mod.title.zh : mod.title.en) : (tag ?? t('practiceTitle'));
    return { key, title, ids: all.filter((q) => !tag || q.tags.includes(tag)).map((q) => q.id) };
  }, [key]);
  const [fixed, setFixed] = useState<{ key: string; ids: string[] }>();
  if (data?.key === key && fixed?.key !== key) setFixed({ key, ids: data.ids });

  const back = (
    <Link href={wrong ? '/quiz/wrong' : '/quiz'} className="inline-flex min-h-11 items-center self-start text-muted underline">
      ← {t('back')}
    </Link>
  );
  if (!data || fixed?.key !== key) return <p role="status">{t('loading')}</p>;
  return (
    <div className="flex flex-col gap-3">
      {back}
      <h1 className="text-xl font-bold">{data.title}</h1>
      {fixed.ids.length === 0 ? (
        <EmptyState action={back}>{wrong ? t('wrongBookEmpty') : t('noQuestions')}</EmptyState>
      ) : (
        <PracticeRunner key={key} questionIds={fixed.ids} mode={wrong ? 'review' : 'practice'} onFinish={() => setRound((r) => r + 1)} />
      )}
    </div>
  );
}
