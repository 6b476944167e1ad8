'use client';
import { Select } from '@/components/ui/field';

export interface OrgOption {
  id: string;
  name: string;
  level: string;
  path: string;
}

/** The org tree as an indented select. */
export function OrgSelect({
  units,
  value,
  onChange,
  name,
  multiple,
}: {
  units: OrgOption[];
  value: string | string[];
  onChange: (v: string | string[]) => void;
  name: string;
  multiple?: boolean;
}) {
  return (
    <Select
      name={name}
      multiple={multiple}
      value={value}
      size={multiple ? 6 : undefined}
      onChange={(e) => onChange(multiple ? Array.from(e.target.selectedOptions, (o) => o.value) : e.target.value)}
    >
      {!multiple ? <option value="">—</option> : null}
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {'\u3000'.repeat(Math.max(0, u.path.split('/').filter(Boolean).length - 1))}
          {u.name}
        </option>
      ))}
    </Select>
  );
}
