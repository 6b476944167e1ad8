'use client';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select, TextInput } from '@/components/ui/field';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import type { OrgAction } from '@/lib/validations/admin';

interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  level: 'county' | 'township' | 'village' | 'hamlet';
  path: string;
  retiredAt: string | null;
}

const PARENT_LEVEL = { county: null, township: 'county', village: 'township', hamlet: 'village' } as const;

/** 村组: the org tree; pick a unit to rename, move, retire (its records and figures stay) or add a unit under it. */
export function VillagesAdmin() {
  const t = useTranslations('adminTools');
  const errorText = useErrorText();
  const [units, setUnits] = useState<Unit[]>([]);
  const [selected, setSelected] = useState<string>();
  const [name, setName] = useState('');
  const [child, setChild] = useState('');
  const [parent, setParent] = useState('');
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();

  const load = useCallback(() => {
    void api<{ units: Unit[] }>('/api/admin/villages').then((d) => setUnits(d.units));
  }, []);
  useEffect(load, [load]);
  const unit = units.find((u) => u.id === selected);
  const depth = (u: Unit) => u.path.split('/').filter(Boolean).length - 1;

  async function act(action: OrgAction, done: string) {
    setError(undefined);
    await api('/api/admin/villages', { method: 'POST', body: action })
      .then(() => (setMessage(done), load()))
      .catch((e: unknown) => setError(errorText.api(e)));
  }

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('villagesTitle')}</h1>
      <p className="text-muted">{t('villagesRule')}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <ul className="flex max-h-[32rem] flex-col overflow-auto" aria-label={t('villagesTitle')}>
            {units.map((u) => (
              <li key={u.id}>
                <button
                  type="button"
                  aria-pressed={u.id === selected}
                  style={{ paddingLeft: `${depth(u) * 1}rem` }}
                  className={`flex min-h-11 w-full items-center justify-between text-left ${u.id === selected ? 'font-bold text-brand' : ''} ${u.retiredAt ? 'text-muted line-through' : ''}`}
                  onClick={() => (setSelected(u.id), setName(u.name), setMessage(undefined))}
                >
                  <span>{u.name}</span>
                  <span className="text-sm text-muted">{t(`level.${u.level}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </Card>
        {unit ? (
          <Card className="flex flex-col gap-3" aria-label={unit.name}>
            <h2 className="font-bold">{unit.name}</h2>
            <Field label={t('rename')}>
              <TextInput value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Button variant="secondary" onClick={() => void act({ action: 'rename', id: unit.id, name }, t('renamed'))}>
              {t('rename')}
            </Button>
            {PARENT_LEVEL[unit.level] ? (
              <>
                <Field label={t('moveUnder')}>
                  <Select value={parent} onChange={(e) => setParent(e.target.value)}>
                    <option value="">—</option>
                    {units
                      .filter((u) => u.level === PARENT_LEVEL[unit.level] && !u.retiredAt && u.id !== unit.parentId)
                      .map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name}
                        </option>
                      ))}
                  </Select>
                </Field>
                <Button
                  variant="secondary"
                  disabled={!parent}
                  onClick={() => void act({ action: 'move', id: unit.id, parentId: parent }, t('moved'))}
                >
                  {t('move')}
                </Button>
              </>
            ) : null}
            {unit.level !== 'hamlet' ? (
              <>
                <Field label={t('addUnder')}>
                  <TextInput value={child} onChange={(e) => setChild(e.target.value)} />
                </Field>
                <Button
                  variant="secondary"
                  disabled={!child.trim()}
                  onClick={() => void act({ action: 'add', parentId: unit.id, name: child }, t('added')).then(() => setChild(''))}
                >
                  {t('add')}
                </Button>
              </>
            ) : null}
            {unit.retiredAt ? (
              <Button variant="secondary" onClick={() => void act({ action: 'restore', id: unit.id }, t('restored'))}>
                {t('restore')}
              </Button>
            ) : (
              <Button variant="danger" onClick={() => void act({ action: 'retire', id: unit.id }, t('retired'))}>
                {t('retire')}
              </Button>
            )}
            {error ? (
              <p role="alert" className="text-red-700">
                {error}
              </p>
            ) : null}
            {message && !error ? <p role="status">{message}</p> : null}
          </Card>
        ) : (
          <Card>{t('pickUnit')}</Card>
        )}
      </div>
    </div>
  );
}
