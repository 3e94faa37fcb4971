// A list of needs or of wards names each once: a pushed request with needs ["food", "food"] or an
// incident with wardCodes ["W1", "W1"] was stored so, shown twice on every device and counted twice
// wherever a reader did not count each once. The shared schema now keeps each code once, in the order
// first given; a list longer than the limit is still refused as sent.
import { describe, expect, it } from 'vitest';
import { incidentSchema, requestSchema } from '../../src/domain/entities/request.ts';
import { partnerSchema } from '../../src/domain/entities/partner.ts';
import { MAX_AREA_CODES } from '../../src/domain/geo/area.ts';
import { aRequest, anIncident } from '../support/records.ts';
import { aPartner } from '../support/directoryFixtures.ts';

const NOW = '2026-11-29T10:00:00.000Z';

describe('lists of codes', () => {
  it("keeps each of a request's needs once, in the order given", () => {
    const request = requestSchema.parse(
      aRequest({ needs: ['bottled_water', 'food', 'bottled_water', 'food'] }),
    );
    expect(request.needs).toEqual(['bottled_water', 'food']);
  });

  it("keeps each of an incident's wards once", () => {
    const incident = incidentSchema.parse(
      anIncident({ startedAt: NOW, updatedAt: NOW, wardCodes: ['W1', 'W2', 'W1'] }),
    );
    expect(incident.wardCodes).toEqual(['W1', 'W2']);
  });

  it("keeps each of a partner's capabilities and covered wards once", () => {
    const partner = partnerSchema.parse(
      aPartner({
        capabilities: ['food', 'food'],
        coverage: { boroughWide: false, wards: ['W1', 'W1'], parishes: ['P1', 'P1'] },
      }),
    );
    expect([partner.capabilities, partner.coverage.wards, partner.coverage.parishes]).toEqual([
      ['food'],
      ['W1'],
      ['P1'],
    ]);
  });

  it('still refuses a list over its limit, however many times it repeats one code', () => {
    const result = incidentSchema.safeParse(
      anIncident({ wardCodes: Array.from({ length: MAX_AREA_CODES + 1 }, () => 'W1') }),
    );
    expect(result.error?.issues[0]?.path).toEqual(['wardCodes']);
  });
});
