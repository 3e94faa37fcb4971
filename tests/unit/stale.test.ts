// Stale details: the boundary day, the configurable number of days, UK "today", and the chase list
// (oldest first, closed partners and retired contacts left out).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STALE_DAYS,
  daysSince,
  isStale,
  staleDaysFrom,
  staleList,
  ukToday,
  verifiedWords,
} from '../../src/domain/directory/stale.ts';
import { aContact, aPartner } from '../support/directoryFixtures.ts';

describe('isStale', () => {
  it('is fresh on the 90th day and stale on the 91st by default (the quarterly review)', () => {
    expect(DEFAULT_STALE_DAYS).toBe(90);
    expect(daysSince('2026-01-01', '2026-04-01')).toBe(90);
    expect(isStale('2026-01-01', '2026-04-01')).toBe(false);
    expect(isStale('2026-01-01', '2026-04-02')).toBe(true);
  });

  it('follows the number of days it is given', () => {
    expect(isStale('2026-03-01', '2026-03-09', 7)).toBe(true);
    expect(isStale('2026-03-01', '2026-03-08', 7)).toBe(false);
    expect(isStale('2025-06-01', '2026-03-01', 365)).toBe(false);
  });

  it('counts calendar days across the clock change and leap days', () => {
    expect(daysSince('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysSince('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('treats a date it cannot read as stale', () => {
    expect(isStale('not a date', '2026-03-01')).toBe(true);
    expect(verifiedWords('not a date', '2026-03-01')).toBe('never verified');
  });
});

describe('days and words', () => {
  it('takes a typed number of days, or the default when it is not sensible', () => {
    expect(staleDaysFrom('30')).toBe(30);
    expect(staleDaysFrom('0')).toBe(DEFAULT_STALE_DAYS);
    expect(staleDaysFrom('7.5')).toBe(DEFAULT_STALE_DAYS);
    expect(staleDaysFrom('')).toBe(DEFAULT_STALE_DAYS);
    expect(staleDaysFrom(null)).toBe(DEFAULT_STALE_DAYS);
  });

  it("is today's date in the UK, not in UTC", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time)
    expect(ukToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('says how long ago in words', () => {
    expect(verifiedWords('2026-03-01', '2026-03-01')).toBe('verified today');
    expect(verifiedWords('2026-02-28', '2026-03-01')).toBe('verified yesterday');
    expect(verifiedWords('2026-01-01', '2026-03-01')).toBe('verified 59 days ago');
  });
});

describe('staleList', () => {
  it('lists stale partners and contacts, oldest first, leaving out fresh ones and closed partners', () => {
    const today = '2026-06-01';
    const oldPartner = aPartner({ name: 'Old partner', lastVerified: '2025-01-01' });
    const oldestContact = aContact({ name: 'Oldest contact', lastVerified: '2024-06-01' });
    const fresh = aPartner({ name: 'Fresh', lastVerified: '2026-05-01' });
    const closed = aPartner({ name: 'Closed', lastVerified: '2020-01-01', status: 'closed' });
    const paused = aPartner({ name: 'Paused', lastVerified: '2025-06-01', status: 'paused' });
    const list = staleList([oldPartner, fresh, closed, paused], [oldestContact], today);
    expect(list.map((item) => [item.type, item.record.name])).toEqual([
      ['contact', 'Oldest contact'],
      ['partner', 'Old partner'],
      ['partner', 'Paused'],
    ]);
    expect(list[0]?.daysSince).toBe(730);
    expect(staleList([oldPartner, fresh], [], today, 20).map((item) => item.record.name)).toEqual([
      'Old partner',
      'Fresh',
    ]);
  });

  it('leaves out retired contacts, however long ago they were verified', () => {
    const kept = aContact({ name: 'Still here', lastVerified: '2025-01-01' });
    const retired = aContact({ name: 'Moved on', lastVerified: '2020-01-01', retired: true });
    expect(staleList([], [kept, retired], '2026-01-01').map((item) => item.record.name)).toEqual([
      'Still here',
    ]);
  });

  it('keeps one order for equal dates: by name', () => {
    const a = aPartner({ name: 'Beta', lastVerified: '2025-01-01' });
    const b = aContact({ name: 'Alpha', lastVerified: '2025-01-01' });
    expect(staleList([a], [b], '2026-01-01').map((item) => item.record.name)).toEqual(['Alpha', 'Beta']);
  });
});
