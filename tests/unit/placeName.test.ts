// Places by name, never code: today's names, or the name kept when the request was logged.
import { describe, expect, it } from 'vitest';
import { placeName, placeNameNow } from '../../src/domain/geo/placeName.ts';

const wards = new Map([['W1', { name: 'Ashcombe' }]]);
const parishes = new Map([['P1', { name: 'Little Ashcombe' }]]);

describe('placeName', () => {
  it('uses the names in the area now', () => {
    expect(placeName({ wardCode: 'W1', parishCode: 'P1' }, wards, parishes)).toBe(
      'Little Ashcombe parish, Ashcombe ward',
    );
    expect(placeNameNow({ wardCode: 'W1', parishCode: null }, wards, parishes)).toBe('Ashcombe ward');
  });

  it('after a boundary import, shows the name kept with the request, never the code', () => {
    const gone = { wardCode: 'DEMO-W01', parishCode: null, name: 'Kingsmead ward' };
    expect(placeName(gone, wards, parishes)).toBe('Kingsmead ward (no longer in this area)');
    const noName = placeName({ wardCode: 'DEMO-W01', parishCode: null }, wards, parishes);
    expect(noName).toBe('a ward no longer in this area');
    expect(noName).not.toContain('DEMO-W01');
  });
});
