// A web address a record holds (a parish's emergency plan) becomes a link only when it is http(s):
// a javascript:, data: or file: address is refused when stored and never made a link when shown
// (a record stored before the check is still on devices).
import { describe, expect, it } from 'vitest';
import { webHref } from '../../src/domain/entities/common.ts';
import { parishSchema } from '../../src/domain/geo/area.ts';
import { parishFromRow } from '../../src/domain/csv/parishRow.ts';
import { rowContext } from '../support/directoryFixtures.ts';

const UNSAFE = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
];

const parish = (link: string | null) => ({
  code: 'P1',
  name: 'Little Westfield',
  wardCodes: ['W1'],
  boundary: null,
  communityEmergencyPlan: { has: true, link },
  charterRole: { agreed: false, date: null },
});

describe('a web link in a record', () => {
  it.each(UNSAFE)('refuses %s as a parish plan link', (link) => {
    const result = parishSchema.safeParse(parish(link));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['communityEmergencyPlan', 'link']);
  });

  it('keeps an https link', () => {
    expect(
      parishSchema.parse(parish('https://parish.example.org/plan.pdf')).communityEmergencyPlan.link,
    ).toBe('https://parish.example.org/plan.pdf');
  });

  it.each(UNSAFE)('never makes %s a link', (link) => {
    expect(webHref(link)).toBeNull();
  });

  it('makes an http(s) address a link', () => {
    expect(webHref('https://parish.example.org/plan.pdf')).toBe('https://parish.example.org/plan.pdf');
    expect(webHref('http://parish.example.org/')).toBe('http://parish.example.org/');
    expect(webHref(null)).toBeNull();
  });

  it('names the column when a CSV row has one', () => {
    const row = {
      code: 'P9',
      name: 'Little Westfield',
      wards: 'W1',
      plan: 'yes',
      plan_link: 'javascript:alert(1)',
      charter_agreed: 'no',
      charter_date: '',
    };
    const result = parishFromRow(row, null, rowContext().area);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.plan_link).toMatch(/https:\/\//);
  });
});
