// Which partners the public ORUK feed may show: active ones listed publicly, as the public directory.
// When partners gain their agreement to be shown publicly, this one function is pointed at it.
import type { Partner } from '../partner.ts';

export function isPublicPartner(partner: Partner): boolean {
  return partner.listedPublicly && partner.status === 'active';
}
