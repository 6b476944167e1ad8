'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Select, TextInput } from '@/components/ui/field';
import { api } from '@/lib/api-client';
import { useProfile } from '@/hooks/use-profile';
import { useErrorText } from '@/lib/i18n/errors';
import { ROLES, type Role } from '@/lib/roles';
import { CreateUserForm } from './create-user-form';
import { ResetPasswordForm } from './reset-password-form';
import type { OrgOption } from './org-select';

interface UserRow {
  id: string;
  name: string;
  phone: string;
  role: Role;
  orgUnitName: string | null;
  legalLiterate: boolean;
  disabled: boolean;
  mustChangePassword: boolean;
  locked: boolean;
}

/**
 * Users, paginated and searchable; create one, disable one (which ends their sessions at once), unlock a locked one,
 * reset a password (the person must choose their own at the next sign-in).
 */
export function UsersPanel({ units }: { units: OrgOption[] }) {
  const t = useTranslations('admin');
  const tr = useTranslations('roles');
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [unit, setUnit] = useState('');
  const [data, setData] = useState<{ users: UserRow[]; total: number; pageSize: number }>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const me = useProfile();
  const errorText = useErrorText();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(() => {
    const params = new URLSearchParams({
      page: String(page),
      ...(q ? { q } : {}),
      ...(role ? { role } : {}),
      ...(unit ? { orgUnitId: unit } : {}),
    });
    api<{ users: UserRow[]; total: number; pageSize: number }>(`/api/users?${params}`)
      .then((d) => (setData(d), setError(undefined)))
      .catch((e: unknown) => setError(errorText.api(e)));
  }, [page, q, role, unit, errorText]);
  useEffect(load, [load]);

  async function toggle(user: UserRow) {
    setConfirming(null);
    await api(`/api/users/${user.id}`, { method: 'PATCH', body: { disabled: !user.disabled } }).catch((e: unknown) =>
      setError(errorText.api(e)),
    );
    load();
  }

  async function unlock(user: UserRow) {
    setNotice(undefined);
    const ok = await api(`/api/users/${user.id}/unlock`, { method: 'POST', body: {} }).then(
      () => true,
      (e: unknown) => (setError(errorText.api(e)), false),
    );
    if (ok) setNotice(t('unlocked', { name: user.name }));
    load();
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div className="flex flex-col gap-4">
      <Card aria-labelledby="create-title">
        <h2 id="create-title" className="mb-3 text-lg font-bold">
          {t('createUser')}
        </h2>
        <CreateUserForm units={units} onCreated={load} />
      </Card>
      <Card aria-labelledby="users-title">
        <h2 id="users-title" className="text-lg font-bold">
          {t('usersTitle')}
        </h2>
        <TextInput
          type="search"
          placeholder={t('search')}
          aria-label={t('search')}
          value={q}
          onChange={(e) => (setQ(e.target.value), setPage(1))}
          className="my-2"
        />
        <div className="mb-2 grid gap-2 sm:grid-cols-2">
          <Select aria-label={t('filterRole')} value={role} onChange={(e) => (setRole(e.target.value), setPage(1))}>
            <option value="">{t('allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </Select>
          <Select aria-label={t('filterUnit')} value={unit} onChange={(e) => (setUnit(e.target.value), setPage(1))}>
            <option value="">{t('allUnits')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </div>
        {error ? (
          <p role="alert" className="text-red-800">
            {error}
          </p>
        ) : null}
        {notice ? <p role="status">{notice}</p> : null}
        {data && data.users.length === 0 ? <p className="text-muted">{t('noUsers')}</p> : null}
        <ul className="flex flex-col">
          {data?.users.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center gap-2 border-t border-line py-2 first:border-t-0">
              <span className="flex-1">
                <span className="font-medium">{u.name}</span> <span className="text-sm text-muted">{u.phone}</span>
                <span className="block text-sm text-muted">
                  {tr(u.role)}
                  {u.legalLiterate ? ` · ${t('legalLiterate')}` : ''} · {u.orgUnitName ?? '—'}
                  {u.disabled ? ` · ${t('disabled')}` : ''}
                  {u.locked ? ` · ${t('locked')}` : ''}
                  {u.mustChangePassword ? ` · ${t('mustChangePassword')}` : ''}
                </span>
              </span>
              {u.locked ? (
                <Button variant="secondary" onClick={() => void unlock(u)}>
                  {t('unlock')}
                </Button>
              ) : null}
              {u.id === me?.id || u.disabled ? null : resetting === u.id ? (
                <ResetPasswordForm
                  user={u}
                  onDone={() => (setResetting(null), setNotice(t('resetDone', { name: u.name })), load())}
                  onCancel={() => setResetting(null)}
                />
              ) : (
                <Button variant="secondary" onClick={() => (setNotice(undefined), setResetting(u.id))}>
                  {t('resetPassword')}
                </Button>
              )}
              {u.id === me?.id ? null : u.disabled ? (
                <Button variant="secondary" onClick={() => void toggle(u)}>
                  {t('enable')}
                </Button>
              ) : confirming === u.id ? (
                <span role="group" aria-label={t('disableConfirm', { name: u.name })} className="flex w-full flex-col gap-2">
                  <span className="font-medium text-red-800">{t('disableConfirm', { name: u.name })}</span>
                  <span className="flex gap-2">
                    <Button variant="danger" onClick={() => void toggle(u)}>
                      {t('disableYes')}
                    </Button>
                    <Button variant="secondary" onClick={() => setConfirming(null)}>
                      {t('cancel')}
                    </Button>
                  </span>
                </span>
              ) : (
                <Button variant="danger" onClick={() => setConfirming(u.id)}>
                  {t('disable')}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {data ? (
          <div className="mt-2 flex items-center justify-between gap-2">
            <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('prev')}
            </Button>
            <span className="text-sm">{t('page', { page, pages, total: data.total })}</span>
            <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('nextPage')}
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
