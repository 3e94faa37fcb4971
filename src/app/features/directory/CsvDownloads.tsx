// "Download CSV" for partners and contacts: the same columns the import reads, so a download can be
// edited in a spreadsheet and imported back. Only what this person may see is written.
import { useState } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import { contactsCsv, partnersCsv } from '../../../domain/csv/directoryCsv.ts';
import { canSeeContact } from '../../../domain/entities/access.ts';
import { ukToday } from '../../../domain/directory/stale.ts';
import { useSessionUser } from '../../useSessionUser.ts';
import { downloadText } from '../../download.ts';
import { FormProblem } from '../../components/FormProblem.tsx';

export function CsvDownloads() {
  const user = useSessionUser();
  const [error, setError] = useState<string | null>(null);
  if (!user) return null;
  const today = ukToday(new Date());
  const run = (make: () => Promise<void>) => {
    setError(null);
    make().catch(() => setError('Could not make the file on this device. Reload the page and try again.'));
  };
  return (
    <div className="downloads">
      <button
        type="button"
        className="secondary"
        onClick={() =>
          run(async () =>
            downloadText(`partners-${today}.csv`, partnersCsv(await localDatabase.partners.toArray())),
          )
        }
      >
        Download partners CSV
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          run(async () => {
            const contacts = (await localDatabase.contacts.toArray()).filter((contact) =>
              canSeeContact(user, contact),
            );
            downloadText(`contacts-${today}.csv`, contactsCsv(contacts));
          })
        }
      >
        Download contacts CSV
      </button>
      <FormProblem message={error} />
    </div>
  );
}
