// The role and parish fields of the people forms: a parish chosen for a coordinator is let go when
// another role is chosen, since the server refuses a parish for any other role (it used to drop it).
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RoleFields } from '../../src/app/features/people/RoleFields.tsx';
import { newUserSchema } from '../../src/domain/accounts/people.ts';
import type { Role } from '../../src/domain/accounts/user.ts';

function chooseRole(from: { role: Role; parishCode: string | null }, role: Role) {
  const onChange = vi.fn();
  const fields = RoleFields({ idPrefix: 'new', parishes: [], onChange, ...from }) as ReactElement<{
    children: ReactNode;
  }>;
  const roleField = Children.toArray(fields.props.children).find(isValidElement) as ReactElement<{
    label: string;
    onChange: (value: string) => void;
  }>;
  expect(roleField.props.label).toBe('Role');
  roleField.props.onChange(role);
  return onChange.mock.calls[0]![0] as { role: Role; parishCode: string | null };
}

describe('choosing a role', () => {
  it.each(['duty_officer', 'admin', 'viewer'] as const)(
    'lets a chosen parish go when %s is chosen, so the form sends what the server takes',
    (role) => {
      const chosen = chooseRole({ role: 'parish_coordinator', parishCode: 'DEMO-P01' }, role);
      expect(chosen).toEqual({ role, parishCode: null });
      expect(newUserSchema.safeParse({ username: 'sam', displayName: 'Sam', ...chosen }).success).toBe(true);
    },
  );

  it('keeps the parish while the role stays parish coordinator', () => {
    expect(chooseRole({ role: 'parish_coordinator', parishCode: 'DEMO-P01' }, 'parish_coordinator')).toEqual({
      role: 'parish_coordinator',
      parishCode: 'DEMO-P01',
    });
  });
});
