'use client';
import { useTranslations } from '@/lib/i18n/client';
import { ROLES, type Role } from '@/lib/roles';
import { OrgPicker } from './org-picker';
import type { OrgOption } from './org-select';

export interface AudienceFieldsProps {
  roles: Role[];
  orgUnitIds: string[];
  units: OrgOption[];
  errors: Record<string, string | undefined>;
  onChange: (audience: { roles?: Role[]; orgUnitIds?: string[] }) => void;
}

/** Who a task or an exam is for: roles, and org units (everyone below a chosen unit is included). */
export function AudienceFields({ roles, orgUnitIds, units, errors, onChange }: AudienceFieldsProps) {
  const t = useTranslations('admin');
  const tr = useTranslations('roles');
  return (
    <>
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">{t('roles')}</legend>
        {ROLES.map((r) => (
          <label key={r} className="flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={roles.includes(r)}
              onChange={(e) => onChange({ roles: e.target.checked ? [...roles, r] : roles.filter((x) => x !== r) })}
            />
            {tr(r)}
          </label>
        ))}
        {errors.roles ? (
          <span role="alert" className="text-sm text-red-700">
            {errors.roles}
          </span>
        ) : null}
      </fieldset>
      <div className="flex flex-col gap-1">
        <span id="org-units-label" className="font-medium">
          {t('orgUnits')}
        </span>
        <OrgPicker labelledBy="org-units-label" units={units} value={orgUnitIds} onChange={(ids) => onChange({ orgUnitIds: ids })} />
        {errors.orgUnitIds ? (
          <span role="alert" className="text-sm text-red-700">
            {errors.orgUnitIds}
          </span>
        ) : null}
      </div>
    </>
  );
}
