// Opening hours as text ("Mon-Fri 09:00-17:00; Sat 10:00-13:00"): read, written, and read back the same.
import { describe, expect, it } from 'vitest';
import { formatHoursText, parseHoursText } from '../../src/domain/ranking/hoursText.ts';

describe('opening hours as text', () => {
  it('reads day ranges, single days, full day names and 9.00-style times', () => {
    expect(parseHoursText('Mon-Wed 09:00-17:00; saturday 9.30-13:00')).toEqual({
      ok: true,
      hours: [
        { day: 0, opens: '09:00', closes: '17:00' },
        { day: 1, opens: '09:00', closes: '17:00' },
        { day: 2, opens: '09:00', closes: '17:00' },
        { day: 5, opens: '09:30', closes: '13:00' },
      ],
    });
  });

  it('reads a range across the weekend and hours past midnight', () => {
    const parsed = parseHoursText('Sat-Mon 20:00-02:00');
    expect(parsed.ok && parsed.hours.map((slot) => slot.day)).toEqual([0, 5, 6]);
  });

  it('empty text is no regular hours; nonsense is explained', () => {
    expect(parseHoursText('  ')).toEqual({ ok: true, hours: [] });
    expect(parseHoursText('Mon 9-5')).toMatchObject({ ok: false, message: expect.stringMatching(/HH:MM/) });
    expect(parseHoursText('Someday 09:00-10:00')).toMatchObject({ ok: false });
    expect(parseHoursText('Mon 09:00-09:00')).toMatchObject({ ok: false });
  });

  it('writes consecutive days with the same times as one range, and reads its own text back', () => {
    const hours = [
      { day: 5, opens: '10:00', closes: '13:00' },
      { day: 0, opens: '09:00', closes: '17:00' },
      { day: 1, opens: '09:00', closes: '17:00' },
      { day: 2, opens: '09:00', closes: '17:00' },
      { day: 3, opens: '09:00', closes: '12:00' },
      { day: 0, opens: '18:00', closes: '20:00' },
    ];
    const text = formatHoursText(hours);
    expect(text).toBe('Mon-Wed 09:00-17:00; Mon 18:00-20:00; Thu 09:00-12:00; Sat 10:00-13:00');
    const back = parseHoursText(text);
    expect(back.ok && back.hours).toEqual(
      [...hours].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens)),
    );
  });
});
