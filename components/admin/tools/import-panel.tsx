'use client';
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import type { RowError } from '@/lib/admin/import-rows';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';

interface RowResult {
  line: number;
  errors: RowError[];
  value?: Record<string, unknown>;
}
export interface ImportResult {
  header?: RowError;
  rows: RowResult[];
  ok: number;
  bad: number;
  imported: number;
}

export interface ImportPanelProps {
  endpoint: string;
  /** the column a preview row shows as its summary */
  describe: (value: Record<string, unknown>) => string;
  /** extra body fields sent with the import (the initial password of people) */
  extra?: Record<string, unknown>;
  children?: ReactNode;
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Choose a .xlsx or .csv file, see every row with what is wrong, and import only when nothing is. */
export function ImportPanel({ endpoint, describe, extra, children }: ImportPanelProps) {
  const t = useTranslations('adminTools');
  const errorText = useErrorText();
  const [file, setFile] = useState<File>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function send(confirm: boolean) {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const data = await toBase64(file);
      setResult(await api<ImportResult>(endpoint, { method: 'POST', body: { fileName: file.name, data, confirm, ...extra } }));
    } catch (e) {
      setError(errorText.api(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="flex flex-col gap-3">
      <Field label={t('file')} hint={t('fileHint')}>
        <input
          type="file"
          accept=".xlsx,.csv"
          className="min-h-11 text-base"
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            setResult(undefined);
          }}
        />
      </Field>
      {children}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={!file || busy} onClick={() => void send(false)}>
          {t('preview')}
        </Button>
        <Button
          disabled={!file || busy || !result || result.bad > 0 || result.ok === 0 || result.imported > 0}
          onClick={() => void send(true)}
        >
          {t('confirmImport')}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {result ? (
        <div className="flex flex-col gap-2">
          {result.header ? (
            <p role="alert" className="text-red-700">
              {errorText.reason(result.header)}
            </p>
          ) : (
            <p role="status" className="font-medium">
              {result.imported > 0 ? t('imported', { count: result.imported }) : t('summary', { ok: result.ok, bad: result.bad })}
            </p>
          )}
          {result.bad > 0 ? <p className="text-sm text-muted">{t('fixAndRetry')}</p> : null}
          <ol aria-label={t('rows')} className="flex max-h-[28rem] flex-col gap-1 overflow-auto text-sm">
            {result.rows.map((r) => (
              <li key={r.line} className={`rounded border px-2 py-1 ${r.errors.length ? 'border-red-300 bg-red-50' : 'border-line'}`}>
                <span className="font-medium">{t('line', { line: r.line })}</span>{' '}
                {r.errors.length ? r.errors.map((e) => errorText.reason(e)).join(t('errorJoin')) : describe(r.value ?? {})}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </Card>
  );
}
