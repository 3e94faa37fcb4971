// Reading parish lists (the wards each parish lies in) from JSON and CSV, with bad entries named by
// entry or line number.
import { describe, it, expect } from 'vitest';
import { parseParishList } from '../../src/domain/geo/areaImport.ts';

describe('parseParishList', () => {
  it('reads the Maidstone JSON shape ({name, code, wards2013: [{code, name}]})', () => {
    const text = JSON.stringify([
      {
        name: 'Upton',
        code: 'E04000001',
        code2019: 'E04000001',
        wards2013: [{ code: 'E05000001', name: 'Alpha' }],
      },
      { name: 'Downton', code: 'E04000002', wards2013: [{ code: 'E05000001' }, { code: 'E05000002' }] },
    ]);
    expect(parseParishList('parishes.json', text)).toEqual({
      kind: 'parishList',
      parishes: [
        { code: 'E04000001', name: 'Upton', wardCodes: ['E05000001'] },
        { code: 'E04000002', name: 'Downton', wardCodes: ['E05000001', 'E05000002'] },
      ],
    });
  });

  it('reads {name, code, wards} with ward codes as strings or objects', () => {
    const text = JSON.stringify([{ name: 'Upton', code: 'P1', wards: ['W1', { code: 'W2' }] }]);
    expect(parseParishList('p.json', text)).toEqual({
      kind: 'parishList',
      parishes: [{ code: 'P1', name: 'Upton', wardCodes: ['W1', 'W2'] }],
    });
  });

  it('names bad JSON entries by number', () => {
    const text = JSON.stringify([
      { name: 'Upton', code: 'P1', wards: ['W1'] },
      { name: 'Nowhere', code: 'P2', wards: [] },
      { name: 'Again', code: 'P1', wards: ['W2'] },
      { name: 'Bad code', code: 'P 4', wards: ['W1'] },
    ]);
    expect(parseParishList('p.json', text)).toEqual({
      kind: 'invalid',
      errors: [
        'p.json, entry 2: parish "Nowhere" (P2) names no ward',
        'p.json, entry 3: the parish code P1 is also used at entry 1',
        'p.json, entry 4: parish "Bad code" has the code "P 4", which cannot be used: code may hold letters, digits, - and _ only',
      ],
    });
  });

  it('reads CSV with code,name,wards, a BOM and CRLF line ends', () => {
    const text = '\uFEFFcode,name,wards\r\nP1,Upton,W1;W2\r\nP2,"Downton, Lower",W2 | W3\r\n';
    expect(parseParishList('parishes.csv', text)).toEqual({
      kind: 'parishList',
      parishes: [
        { code: 'P1', name: 'Upton', wardCodes: ['W1', 'W2'] },
        { code: 'P2', name: 'Downton, Lower', wardCodes: ['W2', 'W3'] },
      ],
    });
  });

  it('reads CSV with one line per parish and ward', () => {
    const text = 'parish_code,parish_name,ward_code\nP1,Upton,W1\nP1,Upton,W2\nP2,Downton,W2\n';
    expect(parseParishList('lookup.csv', text)).toEqual({
      kind: 'parishList',
      parishes: [
        { code: 'P1', name: 'Upton', wardCodes: ['W1', 'W2'] },
        { code: 'P2', name: 'Downton', wardCodes: ['W2'] },
      ],
    });
  });

  it('names bad CSV rows by line number', () => {
    const text = 'code,name,wards\r\nP1,Upton,W1\r\n,No code,W1\r\nP3,,W1\r\nP4,No wards,\r\nP1,Twice,W2\r\n';
    expect(parseParishList('p.csv', text)).toEqual({
      kind: 'invalid',
      errors: [
        'p.csv, line 3: parish "No code" has no code',
        'p.csv, line 4: the parish P3 has no name',
        'p.csv, line 5: parish "No wards" (P4) names no ward',
        'p.csv, line 6: the parish code P1 is also used at line 2',
      ],
    });
  });

  it('says what the header must be when it names no known columns', () => {
    const result = parseParishList('p.csv', 'parish;ward\nUpton;W1\n');
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.errors[0]).toMatch(
      /^p\.csv: the first line must name the columns code,name,wards/,
    );
  });
});
