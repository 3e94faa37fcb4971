// Role and, for a parish coordinator, the parish: the same two labelled fields on the new-person form
// and a person's page.
import { ROLES, ROLE_LABELS, type Role } from '../../../domain/accounts/user.ts';
import type { Parish } from '../../../domain/geo/area.ts';

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
      <label htmlFor={`${idPrefix}-role`}>Role</label>
      <select
        id={`${idPrefix}-role`}
        value={role}
        onChange={(event) => onChange({ role: event.target.value as Role, parishCode })}
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABELS[option]}
          </option>
        ))}
      </select>
      {errors.role && <p className="field-error">{errors.role}</p>}
      {role === 'parish_coordinator' && (
        <>
          <label htmlFor={`${idPrefix}-parish`}>Parish</label>
          <select
            id={`${idPrefix}-parish`}
            value={parishCode ?? ''}
            onChange={(event) => onChange({ role, parishCode: event.target.value || null })}
          >
            <option value="">Choose the parish…</option>
            {parishes.map((parish) => (
              <option key={parish.code} value={parish.code}>
                {parish.name}
              </option>
            ))}
          </select>
          {errors.parishCode && <p className="field-error">{errors.parishCode}</p>}
        </>
      )}
    </>
  );
}
