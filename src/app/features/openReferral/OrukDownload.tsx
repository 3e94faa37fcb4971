// "Download the public Open Referral feed": the partners listed publicly as an ORUK 3.0 /services page,
// made on this device from the same code the server's /openreferral/download uses, so it works offline.
import { useState } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import { downloadText } from '../../download.ts';
import { ukToday } from '../../../domain/stale.ts';
import { isPublicPartner } from '../../../domain/openReferral/publicPartner.ts';
import { orukPage, serviceFromPartner } from '../../../domain/openReferral/exportServices.ts';

async function feedText(): Promise<string> {
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
    .filter(isPublicPartner)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((partner) => serviceFromPartner(partner, areas));
  return JSON.stringify(orukPage(services, 1, Math.max(1, services.length)), null, 2);
}

export function OrukDownload() {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="downloads">
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setError(null);
          feedText()
            .then((text) =>
              downloadText(`openreferral-services-${ukToday(new Date())}.json`, text, 'application/json'),
            )
            .catch(() => setError('Could not make the file on this device. Reload the page and try again.'));
        }}
      >
        Download the public Open Referral feed
      </button>
      <p className="hint">
        Partners listed publicly, as Open Referral UK 3.0 JSON. The same feed is published at{' '}
        <a href="/openreferral/">/openreferral/</a> for other directories to read.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
