// The emergency plan's contact list: strategic partners by ward (borough-wide ones once), parish
// contacts under their parishes in every ward the parish lies in, others at the end; restricted
// contacts only for those allowed; retired and non-strategic left out.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { contactListRows, emergencyContactList } from '../../src/domain/contactList/emergencyContactList.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { aParish, aWard } from '../support/area.ts';
import { aContact, aPartner } from '../support/directoryFixtures.ts';

const wards = [
  aWard('W1', 'Marden', 0.3),
  aWard('W2', 'Coxheath', 0.4),
  aWard('W3', 'High Street', 0.5, { parished: false }),
];
const parishes = [
  aParish('P1', 'Marden', ['W1']),
  aParish('P2', 'Coxheath and Linton', ['W1', 'W2']),
  aParish('P9', 'Gone', ['W2'], { retired: true }),
];
const agreed = { agreed: true, date: '2025-01-01' };
const partners = [
  aPartner({
    name: 'County Welfare',
    emergencyPlan: agreed,
    coverage: { boroughWide: true, wards: [], parishes: [] },
  }),
  aPartner({
    name: 'Linton Pantry',
    emergencyPlan: agreed,
    coverage: { boroughWide: false, wards: [], parishes: ['P2'] },
  }),
  aPartner({ name: 'Not In Plan', coverage: { boroughWide: false, wards: ['W1'], parishes: [] } }),
  aPartner({ name: 'Paused Partner', emergencyPlan: agreed, status: 'paused' }),
];
const contacts = [
  aContact({ name: 'Marden Clerk', parishCode: 'P1', visibility: 'public' }),
  aContact({
    name: 'Marden Chair',
    parishCode: 'P1',
    visibility: 'restricted',
    phones: { main: '07700 900001', outOfHours: '07700 900002' },
  }),
  aContact({ name: 'Coxheath Chair', parishCode: 'P2', visibility: 'restricted' }),
  aContact({ name: 'Retired Clerk', parishCode: 'P1', retired: true }),
  aContact({
    name: 'Duty Manager',
    parishCode: null,
    organisation: 'Borough Council',
    visibility: 'restricted',
  }),
];
const duty: User = {
  id: randomUUID(),
  username: 'duty',
  displayName: 'Duty',
  role: 'duty_officer',
  parishCode: null,
};
const mardenCoordinator: User = { ...duty, role: 'parish_coordinator', parishCode: 'P1' };

const names = (list: { name: string }[]) => list.map((entry) => entry.name);

describe('emergency-plan contact list', () => {
  it('groups strategic partners and parish contacts by ward and parish for a duty officer', () => {
    const list = emergencyContactList(duty, wards, parishes, partners, contacts);
    expect(names(list.boroughWide)).toEqual(['County Welfare']);
    expect(
      list.wards.map((ward) => [
        ward.name,
        names(ward.partners),
        ward.parishes.map((p) => [p.name, names(p.contacts)]),
      ]),
    ).toEqual([
      ['Coxheath', ['Linton Pantry'], [['Coxheath and Linton', ['Coxheath Chair']]]],
      ['High Street', [], []],
      [
        'Marden',
        ['Linton Pantry'],
        [
          ['Coxheath and Linton', ['Coxheath Chair']],
          ['Marden', ['Marden Chair', 'Marden Clerk']],
        ],
      ],
    ]);
    expect(names(list.others)).toEqual(['Duty Manager']);
    const chair = list.wards[2]?.parishes[1]?.contacts[0];
    expect(chair).toMatchObject({ phone: '07700 900001', outOfHours: '07700 900002', restricted: true });
  });

  it('gives a parish coordinator only the restricted contacts of their own parish', () => {
    const list = emergencyContactList(mardenCoordinator, wards, parishes, partners, contacts);
    const listed = contactListRows(list).map((row) => row.contact.name);
    expect(listed).toContain('Marden Chair');
    expect(listed).toContain('Marden Clerk');
    expect(listed).not.toContain('Coxheath Chair');
    expect(listed).not.toContain('Duty Manager');
    expect(listed).not.toContain('Retired Clerk');
  });

  it('lists each contact once per ward its parish lies in, in CSV rows', () => {
    const rows = contactListRows(emergencyContactList(duty, wards, parishes, partners, contacts));
    expect(rows.filter((row) => row.contact.name === 'Coxheath Chair').map((row) => row.ward)).toEqual([
      'Coxheath',
      'Marden',
    ]);
    expect(rows[0]).toMatchObject({ ward: 'Borough-wide', group: 'Strategic partner (borough-wide)' });
  });
});
