// The phone gap list: wards with gaps, most pressing first (open requests, then gaps, then unparished),
// each in a sentence naming the capabilities nobody covers.
import { describe, expect, it } from 'vitest';
import type { Parish, Ward } from '../../src/domain/geo/area.ts';
import { CAPABILITIES } from '../../src/domain/entities/capabilities.ts';
import { analyseGaps } from '../../src/domain/gaps/gapAnalysis.ts';
import { gapSentence, gapsByPriority, missingCapabilities } from '../../src/domain/gaps/gapPriority.ts';
import { aParish, aWard } from '../support/area.ts';
import { aStrategicPartner as partner } from '../support/directoryFixtures.ts';

const wards: Ward[] = [
  aWard('W1', 'Westfield', 0.3),
  aWard('W2', 'Middleton', 0.4, { parished: false }),
  aWard('W3', 'Eastbrook', 0.5),
  aWard('W4', 'Northgate', 0.6),
];
const parishes: Parish[] = [aParish('P1', 'Little Westfield', ['W1']), aParish('P2', 'Eastbrook', ['W3'])];
const everything = CAPABILITIES.map((capability) => capability.id);
const covering = (code: string, capabilities = everything) =>
  partner({
    name: `Covers ${code}`,
    capabilities,
    coverage: { boroughWide: false, wards: [code], parishes: [] },
  });

describe('gapsByPriority', () => {
  it('leaves out wards with no gaps and puts open requests, then more gaps, then unparished first', () => {
    const partners = [
      covering('W4'), // no gaps at all
      covering(
        'W1',
        everything.filter((id) => id !== 'food' && id !== 'transport'),
      ), // 2 gaps
      covering(
        'W2',
        everything.filter((id) => id !== 'food'),
      ), // 1 gap, unparished
      covering(
        'W3',
        everything.filter((id) => id !== 'shelter'),
      ), // 1 gap, 2 open requests
    ];
    const analysis = analyseGaps(wards, parishes, partners, { openRequests: new Map([['W3', 2]]) });
    expect(gapsByPriority(analysis.wards).map((ward) => ward.name)).toEqual([
      'Eastbrook',
      'Westfield',
      'Middleton',
    ]);
    const noRequests = analyseGaps(wards, parishes, partners);
    expect(gapsByPriority(noRequests.wards).map((ward) => ward.name)).toEqual([
      'Westfield',
      'Middleton',
      'Eastbrook',
    ]);
  });
});

describe('gapSentence', () => {
  it('names what nobody covers and the open requests, in words', () => {
    const partners = [
      covering(
        'W2',
        everything.filter((id) => id !== 'food' && id !== 'bottled_water'),
      ),
    ];
    const analysis = analyseGaps(wards, parishes, partners, { openRequests: new Map([['W2', 1]]) });
    const middleton = analysis.wards.find((ward) => ward.code === 'W2')!;
    expect(missingCapabilities(middleton)).toEqual(['food', 'bottled_water']);
    expect(gapSentence(middleton)).toBe(
      'Middleton (unparished): nobody covers food or bottled water; 1 open request',
    );
  });
});
