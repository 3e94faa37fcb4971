// A partner's agreement decides what its details are used for: best placed offers only partners that
// agreed to the emergency plan (unless asked to include all), shows an out-of-hours number only when
// they agreed to be called out of hours, and records from before agreements existed keep their meaning.
import { describe, expect, it } from 'vitest';
import { bestPlaced } from '../../src/domain/ranking/bestPlaced.ts';
import { buildBestPlacedIndex } from '../../src/domain/ranking/bestPlacedIndex.ts';
import { availabilityAt } from '../../src/domain/ranking/availability.ts';
import {
  agreedUses,
  outOfHoursPhoneFor,
  partnerSchema,
  type PartnerAgreement,
} from '../../src/domain/entities/partner.ts';
import { isShownPublicly } from '../../src/domain/directory/publicPartner.ts';
import { aPartner, PARISHES, WARDS } from '../support/directoryFixtures.ts';

const agreement = (uses: Partial<PartnerAgreement>): PartnerAgreement => ({
  date: '2026-01-15',
  recordedBy: 'Policy team',
  emergencyPlan: false,
  outOfHours: false,
  shownPublicly: false,
  ...uses,
});

describe('partner agreement', () => {
  it('reads records from before agreements existed through the older fields', () => {
    const old = partnerSchema.parse({
      ...aPartner({ emergencyPlan: { agreed: true, date: '2024-02-03' }, listedPublicly: false }),
      agreement: undefined,
    });
    expect(agreedUses(old)).toEqual({
      emergencyPlan: true,
      outOfHours: true,
      shownPublicly: false,
      confirmed: '2024-02-03',
    });
  });

  it('a recorded agreement decides, whatever the older fields say', () => {
    const partner = aPartner({
      emergencyPlan: { agreed: true, date: '2024-02-03' },
      listedPublicly: true,
      agreement: agreement({ shownPublicly: false, emergencyPlan: false }),
    });
    expect(agreedUses(partner)).toMatchObject({
      emergencyPlan: false,
      shownPublicly: false,
      confirmed: '2026-01-15',
    });
    expect(isShownPublicly(partner)).toBe(false);
  });

  it('best placed offers only partners that agreed to the emergency plan, unless asked for all', () => {
    const agreed = aPartner({ name: 'Agreed', agreement: agreement({ emergencyPlan: true }) });
    const declined = aPartner({
      name: 'Declined',
      emergencyPlan: { agreed: true, date: '2024-01-01' },
      agreement: agreement({ emergencyPlan: false }),
    });
    const index = buildBestPlacedIndex([agreed, declined], WARDS, PARISHES);
    const query = {
      needs: ['food' as const],
      place: { kind: 'ward' as const, code: 'W1' },
      at: new Date('2026-03-02T10:00:00Z'),
      urgency: 'today' as const,
    };
    expect(bestPlaced(index, query).ranked.map((entry) => entry.partner.name)).toEqual(['Agreed']);
    expect(
      bestPlaced(index, { ...query, includeNonStrategic: true })
        .ranked.map((entry) => entry.partner.name)
        .sort(),
    ).toEqual(['Agreed', 'Declined']);
  });

  it('gives the out-of-hours number only to partners that agreed to be called out of hours', () => {
    const availability = {
      always: false,
      hours: [{ day: 0, opens: '09:00', closes: '17:00' }],
      outOfHoursPhone: '07700 900555',
    };
    const willing = aPartner({
      availability,
      agreement: agreement({ emergencyPlan: true, outOfHours: true }),
    });
    const unwilling = aPartner({
      availability,
      agreement: agreement({ emergencyPlan: true, outOfHours: false }),
    });
    const sundayNight = { day: 6, minutes: 23 * 60 };
    expect(outOfHoursPhoneFor(willing)).toBe('07700 900555');
    expect(outOfHoursPhoneFor(unwilling)).toBeNull();
    expect(availabilityAt(willing, sundayNight)).toEqual({ kind: 'closed', outOfHoursPhone: '07700 900555' });
    expect(availabilityAt(unwilling, sundayNight)).toEqual({ kind: 'closed', outOfHoursPhone: null });
  });
});
