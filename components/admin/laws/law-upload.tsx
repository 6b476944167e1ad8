'use client';
import { useErrorText } from '@/lib/i18n/errors';
import { useTranslations } from '@/lib/i18n/client';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select } from '@/components/ui/field';
import { ApiError } from '@/lib/api-client';
import { LAW_CATEGORIES, type LawImportResult } from '@/lib/laws/types';
import type { FileCheck } from './check-file';

// The import report shows only after an upload: it loads then, not with the page.
const ImportResult = lazy(() => import('./import-result').then((m) => ({ default: m.ImportResult })));

interface Picked {
  file: File;
  check?: FileCheck;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'importing' }
  | { kind: 'done'; result: LawImportResult }
  | { kind: 'failed'; message: string };

/** Upload .md/.txt/.docx law files: each is checked in the browser, then all are imported together or not at all. */
export function LawUpload({ onImported }: { onImported: () => void }) {
  const t = useTranslations('laws');
  const errorText = useErrorText();
  const [picked, setPicked] = useState<Picked[]>([]);
  const [category, setCategory] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  async function pick(files: FileList | null) {
    const list = [...(files ?? [])].map((file) => ({ file }));
    setPicked(list);
    setPhase({ kind: 'idle' });
    // The file check and the upload load when a file is picked, not with the page.
    const { checkLawFile } = await import('./check-file');
    for (const [k, item] of list.entries()) {
      const check = await checkLawFile(item.file);
      setPicked((current) => (current[k]?.file === item.file ? current.map((p, i) => (i === k ? { ...p, check } : p)) : current));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPhase({ kind: 'uploading', fraction: 0 });
    try {
      const { uploadLaws } = await import('./upload-request');
      const result = await uploadLaws(
        picked.map((p) => p.file),
        category,
        (fraction) => setPhase(fraction < 1 ? { kind: 'uploading', fraction } : { kind: 'importing' }),
      );
      setPhase({ kind: 'done', result });
      onImported();
    } catch (error) {
      const message = error instanceof ApiError ? errorText.api(error) : t('uploadNetworkError');
      setPhase({ kind: 'failed', message });
    }
  }

  const checking = picked.some((p) => !p.check);
  const invalid = picked.some((p) => p.check && !p.check.ok);
  const busy = phase.kind === 'uploading' || phase.kind === 'importing';
  const outcome = (shortTitle: string) => (phase.kind === 'done' ? phase.result.laws.find((l) => l.shortTitle === shortTitle) : undefined);
  return (
    <Card aria-labelledby="law-upload-title" className="flex flex-col gap-3">
      <h2 id="law-upload-title" className="text-lg font-bold">
        {t('uploadTitle')}
      </h2>
      <p className="text-sm text-muted">{t('uploadHelp')}</p>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <Field label={t('files')}>
          <input
            type="file"
            multiple
            accept=".md,.markdown,.txt,.docx"
            disabled={busy}
            onChange={(e) => void pick(e.target.files)}
            className="min-h-11 text-base"
          />
        </Field>
        <Field label={t('categoryLabel')} hint={t('categoryHint')}>
          <Select value={category} onChange={(e) => setCategory(e.target.value)} disabled={busy}>
            <option value="">{t('categoryAuto')}</option>
            {LAW_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        {picked.length > 0 ? (
          <ul className="flex flex-col divide-y divide-line text-sm" aria-label={t('fileChecks')}>
            {picked.map(({ file, check }) => (
              <li key={file.name} className="py-2">
                <span className="font-medium break-all">{file.name}</span>{' '}
                {!check ? (
                  <span className="text-muted">{t('checking')}</span>
                ) : check.ok ? (
                  <span className="text-ok">
                    ✓ 《{check.shortTitle}》{t('articleCount', { count: check.articles })}
                    {outcome(check.shortTitle) ? ` · ${t(`status.${outcome(check.shortTitle)!.status}`)}` : ''}
                  </span>
                ) : (
                  <span role="alert" className="block text-red-800">
                    ✗ {check.message}
                  </span>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {phase.kind === 'uploading' || phase.kind === 'importing' ? (
          <div role="status" className="flex flex-col gap-1">
            <progress
              className="w-full"
              max={1}
              value={phase.kind === 'uploading' ? phase.fraction : undefined}
              aria-label={t('progress')}
            />
            <span className="text-sm">
              {phase.kind === 'uploading' ? t('uploading', { percent: Math.round(phase.fraction * 100) }) : t('importing')}
            </span>
          </div>
        ) : null}
        <Button type="submit" disabled={busy || checking || invalid || picked.length === 0}>
          {t('import')}
        </Button>
        {invalid ? <p className="text-sm text-red-800">{t('fixFiles')}</p> : null}
      </form>
      {phase.kind === 'failed' ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {t('importFailed', { message: phase.message })}
        </p>
      ) : null}
      {phase.kind === 'done' ? (
        <Suspense fallback={null}>
          <ImportResult result={phase.result} />
        </Suspense>
      ) : null}
    </Card>
  );
}
