'use client';
import { useState } from 'react';
import { Field, TextInput } from '@/components/ui/field';
import { useTranslations } from '@/lib/i18n/client';
import { ImportPanel } from './import-panel';

/** 用户导入: people from a .xlsx/CSV; everyone imported signs in with the initial password and must change it. */
export function UserImport() {
  const t = useTranslations('adminTools');
  const [password, setPassword] = useState('');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('usersTitle')}</h1>
      <p className="text-muted">{t('usersTemplate')}</p>
      <ImportPanel
        endpoint="/api/admin/users/import"
        extra={password ? { password } : {}}
        describe={(v) => `${String(v.name ?? '')} ${String(v.phone ?? '')}`}
      >
        <Field label={t('initialPassword')} hint={t('initialPasswordHint')}>
          <TextInput type="text" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
      </ImportPanel>
    </div>
  );
}
