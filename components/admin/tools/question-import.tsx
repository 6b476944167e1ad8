'use client';
import { Card } from '@/components/ui/card';
import { useTranslations } from '@/lib/i18n/client';
import { ImportPanel } from './import-panel';

/** 题库导入/导出: the bank in the documented template (content/README.md → Import templates). */
export function QuestionImport() {
  const t = useTranslations('adminTools');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('questionsTitle')}</h1>
      <p className="text-muted">{t('questionsTemplate')}</p>
      <ImportPanel endpoint="/api/admin/questions/import" describe={(v) => String(v.stem ?? '')} />
      <Card className="flex flex-wrap items-center gap-3">
        <span className="font-medium">{t('export')}</span>
        <a
          className="min-h-11 content-center rounded-lg border border-line px-4 hover:border-brand"
          href="/api/admin/questions/export?format=xlsx"
        >
          .xlsx
        </a>
        <a
          className="min-h-11 content-center rounded-lg border border-line px-4 hover:border-brand"
          href="/api/admin/questions/export?format=csv"
        >
          .csv
        </a>
      </Card>
    </div>
  );
}
