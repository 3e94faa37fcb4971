// Open Referral downloads, made on this device (so they work offline): the public feed, the same as the
// server's /openreferral/download, and the council's whole directory with every field ORUK can hold
// (for moving it to another system; it holds emails and out-of-hours numbers, so keep it in-house).
import { useState } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import { downloadText } from '../../download.ts';
import { ukToday } from '../../../domain/directory/stale.ts';
import { isShownPublicly } from '../../../domain/directory/publicPartner.ts';
import { orukPage, serviceFromPartner, type Audience } from '../../../domain/openReferral/exportServices.ts';
import { FormProblem } from '../../components/FormProblem.tsx';

async function feedText(audience: Audience): Promise<string> {
  const [partners, wards, parishes] = await Promise.all([
    localDatabase.partners.toArray(),
    localDatabase.wards.toArray(),
    localDatabase.parishes.toArray(),
  ]);
  const areas = {
    wards: new Map(wards.map((ward) => [ward.code, ward])),
    parishes: new Map(parishes.map((parish) => [parish.code, parish])),
  };
  const services = partners
    .filter((partner) => audience === 'council' || isShownPublicly(partner))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((partner) => serviceFromPartner(partner, areas, audience));
  return JSON.stringify(orukPage(services, 1, Math.max(1, services.length)), null, 2);
}

export function OrukDownload() {
  const [error, setError] = useState<string | null>(null);
  const download = (audience: Audience, name: string) => {
    setError(null);
    feedText(audience)
      .then((text) => downloadText(`${name}-${ukToday(new Date())}.json`, text, 'application/json'))
      .catch(() => setError('Could not make the file on this device. Reload the page and try again.'));
  };
  return (
    <div className="downloads">
      <button type="button" className="secondary" onClick={() => download('public', 'openreferral-services')}>
        Download the public Open Referral feed
      </button>
      <p className="hint">
        Active partners listed publicly, with their public details only, as Open Referral UK 3.0 JSON. The
        same feed is published at <a href="/openreferral/">/openreferral/</a> for other directories to read.
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() => download('council', 'openreferral-whole-directory')}
      >
        Download the whole directory as Open Referral
      </button>
      <p className="hint">
        Every partner with every detail Open Referral can hold, emails and out-of-hours numbers too: for the
        council’s own systems, not for publishing.
      </p>
      <FormProblem message={error} />
    </div>
  );
}
