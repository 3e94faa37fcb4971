// Import and export (admins): the quarterly list from the voluntary-sector body arrives as CSV. The
// file is read and checked on this device and previewed; nothing is written until the person chooses
// "Import the N good rows", which saves them in one transaction with their outbox entries (offline too).
import { useRef, useState } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import { saveRecords } from '../../store/mutate.ts';
import type { Partner } from '../../../domain/entities/partner.ts';
import type { Contact } from '../../../domain/entities/contact.ts';
import {
  decodeCsvBytes,
  goodRecords,
  previewContacts,
  previewPartners,
  type CsvKind,
  type ImportPreview as Preview,
} from '../../../domain/csv/directoryCsv.ts';
import { AdminOnly } from './AdminOnly.tsx';
import { CsvDownloads } from './CsvDownloads.tsx';
import { formContext } from './useEditForm.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { ImportHelp } from './ImportHelp.tsx';
import { OpenReferralImport } from '../openReferral/OpenReferralImport.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';
import { BusyButton } from '../../components/BusyButton.tsx';

type Loaded =
  | { kind: 'partners'; fileName: string; note: string | null; preview: Preview<Partner> }
  | { kind: 'contacts'; fileName: string; note: string | null; preview: Preview<Contact> };

async function previewFile(
  kind: CsvKind,
  text: string,
  fileName: string,
  note: string | null,
): Promise<Loaded> {
  const [wards, parishes] = await Promise.all([
    localDatabase.wards.toArray(),
    localDatabase.parishes.toArray(),
  ]);
  const context = formContext({ wards, parishes });
  if (kind === 'partners') {
    return {
      kind,
      fileName,
      note,
      preview: previewPartners(text, await localDatabase.partners.toArray(), context),
    };
  }
  return {
    kind,
    fileName,
    note,
    preview: previewContacts(text, await localDatabase.contacts.toArray(), context),
  };
}

function Importer() {
  const [kind, setKind] = useState<CsvKind>('partners');
  const [text, setText] = useState<{ text: string; fileName: string; note: string | null } | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const show = async (nextKind: CsvKind, file: { text: string; fileName: string; note: string | null }) => {
    setError(null);
    setMessage(null);
    try {
      setLoaded(await previewFile(nextKind, file.text, file.fileName, file.note));
    } catch {
      setError('Could not read the directory on this device to compare the file with. Reload and try again.');
    }
  };
  const onFile = async (file: File | undefined) => {
    setLoaded(null);
    setText(null);
    if (!file) return;
    try {
      const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      const read = { text: decoded.text, fileName: file.name, note: decoded.note };
      setText(read);
      await show(kind, read);
    } catch {
      setError(`Could not open ${file.name}. Choose the file again, or save it from the spreadsheet as CSV.`);
    }
  };
  const onKind = (next: CsvKind) => {
    setKind(next);
    if (text) void show(next, text);
  };
  const reset = (note: string) => {
    setLoaded(null);
    setText(null);
    if (fileInput.current) fileInput.current.value = '';
    setMessage(note);
  };
  const importGood = async () => {
    if (!loaded) return;
    setBusy(true);
    try {
      const count =
        loaded.kind === 'partners'
          ? await saveRecords(localDatabase, 'partner', goodRecords(loaded.preview))
          : await saveRecords(localDatabase, 'contact', goodRecords(loaded.preview));
      const { creates, updates } = loaded.preview;
      reset(
        `Imported ${count} row${count === 1 ? '' : 's'} from ${loaded.fileName}: ${creates.length} new, ${updates.length} updated. ` +
          'They are saved on this device and reach the server at the next sync.',
      );
    } catch (failure) {
      setError(notSavedMessage(failure, 'The rows', 'nothing was imported'));
    } finally {
      setBusy(false);
    }
  };

  const good = loaded ? loaded.preview.creates.length + loaded.preview.updates.length : 0;
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <fieldset className="urgency">
        <legend>What does the file list?</legend>
        {(['partners', 'contacts'] as const).map((option) => (
          <label key={option} className="inline">
            <input type="radio" name="csv-kind" checked={kind === option} onChange={() => onKind(option)} />
            {option === 'partners' ? 'Partners' : 'Contacts'}
          </label>
        ))}
      </fieldset>
      <label htmlFor="csv-file">CSV file to import</label>
      <p className="hint" id="csv-file-hint">
        Nothing is written until you have seen what the file holds and chosen to import it.
      </p>
      <input
        id="csv-file"
        ref={fileInput}
        type="file"
        accept=".csv,text/csv"
        aria-describedby="csv-file-hint"
        onChange={(event) => void onFile(event.target.files?.[0])}
      />
      <FormProblem message={error} />
      <div aria-live="polite">{message && <p className="banner success">{message}</p>}</div>
      {loaded && (
        <div className="import-result">
          {loaded.note && <p className="banner warning">{loaded.note}</p>}
          {loaded.preview.fileError ? (
            <FormProblem message={`${loaded.fileName}: ${loaded.preview.fileError}`} />
          ) : loaded.kind === 'partners' ? (
            <ImportPreview preview={loaded.preview} what="partners" />
          ) : (
            <ImportPreview preview={loaded.preview} what="contacts" />
          )}
          <div className="form-actions">
            {good > 0 && (
              <BusyButton type="button" onClick={() => void importGood()} busy={busy}>
                Import the {good} good row{good === 1 ? '' : 's'}
              </BusyButton>
            )}
            <button type="button" className="secondary" onClick={() => reset('Nothing was imported.')}>
              Import nothing
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

export function ImportScreen() {
  return (
    <AdminOnly title="Import and export">
      <h1 tabIndex={-1}>Import and export</h1>
      <p>
        Bring in the quarterly list from the voluntary-sector body, or download the directory to check it in a
        spreadsheet.
      </p>
      <Importer />
      <OpenReferralImport />
      <section aria-labelledby="download-heading">
        <h2 id="download-heading">Export</h2>
        <p>The same columns as the import, so a downloaded file can be edited and imported back.</p>
        <CsvDownloads />
      </section>
      <ImportHelp />
    </AdminOnly>
  );
}
