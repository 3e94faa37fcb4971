// Role and, for a parish coordinator, the parish: the same two labelled fields on the new-person form
// and a person's page.
import { ROLES, ROLE_LABELS, type Role } from '../../../domain/accounts/user.ts';
import type { Parish } from '../../../domain/geo/area.ts';
import { SelectField } from '../directory/FormFields.tsx';

export function RoleFields({
  idPrefix,
  role,
  parishCode,
  parishes,
  onChange,
  errors = {},
}: {
  idPrefix: string;
  role: Role;
  parishCode: string | null;
  parishes: readonly Parish[];
  onChange: (next: { role: Role; parishCode: string | null }) => void;
  errors?: Record<string, string>;
}) {
  return (
    <>
      <SelectField
        id={`${idPrefix}-role`}
        label="Role"
        value={role}
        error={errors.role}
        // Only a coordinator has a parish: one left chosen under another role is refused, not kept.
        onChange={(value) =>
          onChange({ role: value as Role, parishCode: value === 'parish_coordinator' ? parishCode : null })
        }
        options={ROLES.map((option) => ({ value: option, label: ROLE_LABELS[option] }))}
      />
      {role === 'parish_coordinator' && (
        <SelectField
          id={`${idPrefix}-parish`}
          label="Parish"
          value={parishCode ?? ''}
          error={errors.parishCode}
          onChange={(value) => onChange({ role, parishCode: value || null })}
          options={[
            { value: '', label: 'Choose the parish…' },
            ...parishes.map((parish) => ({ value: parish.code, label: parish.name })),
          ]}
        />
      )}
    </>
  );
}
