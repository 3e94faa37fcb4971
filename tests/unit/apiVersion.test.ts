// Which app may talk to which server: too old, too new, or fine, and headers read strictly.
import { describe, expect, it } from 'vitest';
import { compatibility, parseApiVersion } from '../../src/domain/api/apiVersion.ts';

describe('API version compatibility', () => {
  it('serves apps from the server minimum up to the server version', () => {
    expect(compatibility(2, 3, 2)).toBe('ok');
    expect(compatibility(3, 3, 2)).toBe('ok');
    expect(compatibility(1, 3, 2)).toBe('client_too_old');
    expect(compatibility(4, 3, 2)).toBe('server_too_old');
  });

  it('reads only whole numbers from a header', () => {
    expect(parseApiVersion('2')).toBe(2);
    expect(parseApiVersion(' 12 ')).toBe(12);
    expect(parseApiVersion(null)).toBeNull();
    expect(parseApiVersion('')).toBeNull();
    expect(parseApiVersion('1.5')).toBeNull();
    expect(parseApiVersion('two')).toBeNull();
  });
});
